"""Certificate name coverage: one-label wildcards, case and trailing dots (property-tested)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from edgekit.model.acm.types import Certificate
from edgekit.model.common import NOT_COLLECTED
from edgekit.rules.analysis.certificate_names import (
    covers,
    name_covers,
    normalize,
    pattern_covered,
    uncovered,
)

label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
domain = st.lists(label, min_size=2, max_size=4).map(".".join)


@given(domain)
def test_a_name_covers_itself_whatever_the_case_or_trailing_dot(d: str) -> None:
    assert name_covers(d, d)
    assert name_covers(d.upper() + ".", d)
    assert name_covers(d, d.upper() + ".")


@given(label, domain)
def test_wildcard_covers_exactly_one_label(first: str, d: str) -> None:
    assert name_covers(f"*.{d}", f"{first}.{d}")
    assert not name_covers(f"*.{d}", d)


@given(label, label, domain)
def test_wildcard_never_covers_two_labels(a: str, b: str, d: str) -> None:
    assert not name_covers(f"*.{d}", f"{a}.{b}.{d}")


@given(domain, domain)
def test_coverage_implies_same_name_or_one_extra_label(cert: str, host: str) -> None:
    wildcard = f"*.{cert}"
    if name_covers(wildcard, host):
        assert host.count(".") == cert.count(".") + 1
        assert host.endswith("." + cert)


@given(label, domain)
def test_wildcard_host_needs_the_same_wildcard_name(first: str, d: str) -> None:
    assert name_covers(f"*.{d}", f"*.{d}")
    assert not name_covers(f"{first}.{d}", f"*.{d}")
    assert not name_covers(f"*.{d}", f"*.{first}.{d}")


@given(domain, st.lists(domain, max_size=3))
def test_agrees_with_the_model_certificate_covers(host: str, sans: list[str]) -> None:
    names = ["example.com", *sans, *(f"*.{s}" for s in sans[:1])]
    cert = Certificate(
        account_id="1",
        region="us-east-1",
        arn="arn:aws:acm:us-east-1:1:certificate/x",
        domain_name="example.com",
        subject_alternative_names=tuple(names),
        in_use_by=(),
        in_use=False,
        renewal_summary=None,
        domain_validation_options=(),
        certificate_transparency_logging=None,
        validation_method_option=None,
    )
    assert cert.covers(host) is covers(names, host)
    assert cert.covers(host) is not NOT_COLLECTED


def test_partial_wildcards_are_literal() -> None:
    assert not name_covers("f*.example.com", "foo.example.com")
    assert name_covers("f*.example.com", "F*.example.com")
    assert not name_covers("*", "example.com")
    assert not name_covers("", "")


def test_uncovered_is_sorted_normalised_unique() -> None:
    names = ["example.com", "*.example.com"]
    hosts = ["WWW.example.com.", "a.b.example.com", "example.org", "example.org."]
    assert uncovered(names, hosts) == ["a.b.example.com", "example.org"]
    assert normalize(" Example.COM. ") == "example.com"


@pytest.mark.parametrize(
    ("pattern", "names", "expected"),
    [
        ("api.example.com", ["*.example.com"], True),
        ("api.example.com", ["example.com"], False),
        ("*.example.com", ["*.example.com"], True),
        ("*.example.com", ["www.example.com", "example.com"], False),
        ("api-?.example.com", ["*.Example.com."], True),
        ("api-*.example.com", ["api-1.example.com"], False),
        ("*", ["*.example.com"], None),
        ("www.*.com", ["*.example.com"], None),
        ("*example.com", ["*.example.com"], False),
        ("", ["example.com"], None),
    ],
)
def test_alb_host_patterns(pattern: str, names: list[str], expected: bool | None) -> None:
    assert pattern_covered(names, pattern) is expected
