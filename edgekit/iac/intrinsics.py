"""CloudFormation intrinsic functions, resolved as far as the template set allows.

:func:`resolve` returns plain JSON values where it can and an :class:`Unknown` (carrying the
reason) where a value is only known at deploy time: a parameter with neither a default nor a
``--parameter`` value, ``Fn::GetAZs``, ``Fn::Cidr``, a ``Fn::GetAtt`` attribute the importer
does not synthesise, an export no given stack declares. ``AWS::NoValue`` removes the key or list
element. Resource references and attributes come from the caller's :class:`Scope`.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Unknown:
    """A value CloudFormation only knows at deploy time; checks read it as not collected."""

    reason: str


class _NoValue:
    """``Ref: AWS::NoValue``: the enclosing key or element is dropped."""


NO_VALUE = _NoValue()
_SUB_VAR = re.compile(r"\$\{([^}]*)\}")


@dataclass
class Scope:
    """What one stack's intrinsics can see."""

    stack: str
    account: str
    region: str
    partition: str
    parameters: Mapping[str, Any]
    """Parameter values already chosen (``--parameter`` over the template's defaults)."""
    template: Mapping[str, Any]
    ref: Callable[[str], Any]
    """``Ref`` of a resource logical id (raises KeyError for an unknown id)."""
    get_att: Callable[[str, str], Any]
    """``Fn::GetAtt`` of a resource (logical id, attribute)."""
    import_value: Callable[[str], Any]
    """``Fn::ImportValue`` of an export name (Unknown when no given stack exports it)."""

    def pseudo(self, name: str) -> Any:
        """A pseudo parameter's value."""
        suffix = "amazonaws.com.cn" if self.partition == "aws-cn" else "amazonaws.com"
        values = {
            "AWS::AccountId": self.account,
            "AWS::Region": self.region,
            "AWS::Partition": self.partition,
            "AWS::StackName": self.stack,
            "AWS::URLSuffix": suffix,
            "AWS::StackId": f"arn:{self.partition}:cloudformation:{self.region}:{self.account}:"
            f"stack/{self.stack}/00000000-0000-4000-8000-000000000000",
        }
        if name in values:
            return values[name]
        return Unknown(f"pseudo parameter {name}")

    def condition(self, name: str) -> Any:
        """The truth of a named condition (Unknown when it depends on an unknown)."""
        conditions = self.template.get("Conditions") or {}
        if name not in conditions:
            return Unknown(f"condition {name} is not defined")
        return resolve(conditions[name], self)


def resolve(value: Any, scope: Scope) -> Any:
    """``value`` with every intrinsic function evaluated (see the module docstring)."""
    if isinstance(value, list):
        items = [resolve(v, scope) for v in value]
        return [v for v in items if v is not NO_VALUE]
    if not isinstance(value, dict):
        return value
    if len(value) == 1:
        ((key, arg),) = value.items()
        fn = _FUNCTIONS.get(key)
        if fn is not None:
            return fn(arg, scope)
    out: dict[str, Any] = {}
    for key, val in value.items():
        resolved = resolve(val, scope)
        if resolved is not NO_VALUE:
            out[key] = resolved
    return out


def unknown_in(value: Any) -> Unknown | None:
    """The first Unknown inside ``value`` (None when fully known)."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for v in value:
            found = unknown_in(v)
            if found is not None:
                return found
    return None


def _ref(arg: Any, scope: Scope) -> Any:
    name = resolve(arg, scope)
    if not isinstance(name, str):
        return Unknown(f"Ref of {name!r}")
    if name == "AWS::NoValue":
        return NO_VALUE
    if name.startswith("AWS::"):
        return scope.pseudo(name)
    if name in scope.parameters:
        return scope.parameters[name]
    if name in (scope.template.get("Parameters") or {}):
        return Unknown(f"parameter {name} has no default and no --parameter value")
    try:
        return scope.ref(name)
    except KeyError:
        return Unknown(f"Ref to {name}, which the template does not define")


def _get_att(arg: Any, scope: Scope) -> Any:
    arg = resolve(arg, scope)
    if isinstance(arg, str):
        arg = arg.split(".", 1)
    if not isinstance(arg, list) or len(arg) != 2 or unknown_in(arg):
        return Unknown(f"Fn::GetAtt {arg!r}")
    try:
        return scope.get_att(str(arg[0]), str(arg[1]))
    except KeyError:
        return Unknown(f"Fn::GetAtt {arg[0]}.{arg[1]}: not defined in the given templates")


def _sub(arg: Any, scope: Scope) -> Any:
    if isinstance(arg, list) and len(arg) == 2:
        text, variables = arg[0], resolve(arg[1], scope)
    else:
        text, variables = arg, {}
    if not isinstance(text, str) or not isinstance(variables, dict):
        return Unknown(f"Fn::Sub {arg!r}")
    missing: list[Unknown] = []

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("!"):
            return "${" + name[1:] + "}"
        if name in variables:
            value = variables[name]
        elif "." in name and not name.startswith("AWS::"):
            value = _get_att(name.split(".", 1), scope)
        else:
            value = _ref(name, scope)
        if isinstance(value, Unknown):
            missing.append(value)
            return ""
        return str(value)

    result = _SUB_VAR.sub(one, text)
    return missing[0] if missing else result


def _join(arg: Any, scope: Scope) -> Any:
    arg = resolve(arg, scope)
    if not isinstance(arg, list) or len(arg) != 2 or not isinstance(arg[1], list):
        return unknown_in(arg) or Unknown(f"Fn::Join {arg!r}")
    found = unknown_in(arg)
    if found:
        return found
    return str(arg[0]).join(_text(v) for v in arg[1])


def _text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def _select(arg: Any, scope: Scope) -> Any:
    arg = resolve(arg, scope)
    if not isinstance(arg, list) or len(arg) != 2:
        return unknown_in(arg) or Unknown(f"Fn::Select {arg!r}")
    index, items = arg
    if isinstance(index, Unknown):
        return index
    if isinstance(items, Unknown):
        return items
    try:
        return items[int(index)]
    except (ValueError, IndexError, TypeError):
        return Unknown(f"Fn::Select index {index!r} out of range")


def _split(arg: Any, scope: Scope) -> Any:
    arg = resolve(arg, scope)
    if not isinstance(arg, list) or len(arg) != 2:
        return unknown_in(arg) or Unknown(f"Fn::Split {arg!r}")
    found = unknown_in(arg)
    if found or not isinstance(arg[1], str):
        return found or Unknown(f"Fn::Split {arg!r}")
    return arg[1].split(str(arg[0]))


def _if(arg: Any, scope: Scope) -> Any:
    if not isinstance(arg, list) or len(arg) != 3:
        return Unknown(f"Fn::If {arg!r}")
    truth = scope.condition(str(arg[0]))
    if isinstance(truth, Unknown):
        return truth
    return resolve(arg[1] if truth else arg[2], scope)


def _find_in_map(arg: Any, scope: Scope) -> Any:
    arg = resolve(arg, scope)
    found = unknown_in(arg)
    if found:
        return found
    try:
        return (scope.template.get("Mappings") or {})[arg[0]][arg[1]][arg[2]]
    except (KeyError, IndexError, TypeError):
        return Unknown(f"Fn::FindInMap {arg!r}: no such entry")


def _equals(arg: Any, scope: Scope) -> Any:
    arg = resolve(arg, scope)
    found = unknown_in(arg)
    if found:
        return found
    return isinstance(arg, list) and len(arg) == 2 and _text(arg[0]) == _text(arg[1])


def _logic(kind: str) -> Callable[[Any, Scope], Any]:
    def fn(arg: Any, scope: Scope) -> Any:
        values = [resolve(a, scope) for a in (arg if isinstance(arg, list) else [arg])]
        if kind == "Not":
            v = values[0] if values else Unknown("Fn::Not without argument")
            return v if isinstance(v, Unknown) else not v
        known = [v for v in values if not isinstance(v, Unknown)]
        decisive = any(known) if kind == "Or" else not all(known)
        if decisive:  # one true (Or) / one false (And) settles it whatever the unknowns
            return kind == "Or"
        unknown = unknown_in(values)
        return unknown if unknown else kind == "And"

    return fn


def _condition(arg: Any, scope: Scope) -> Any:
    return scope.condition(str(arg))


def _import_value(arg: Any, scope: Scope) -> Any:
    name = resolve(arg, scope)
    if isinstance(name, Unknown):
        return name
    return scope.import_value(str(name))


def _base64(arg: Any, scope: Scope) -> Any:
    value = resolve(arg, scope)
    if isinstance(value, Unknown):
        return value
    return base64.b64encode(str(value).encode()).decode()


def _to_json(arg: Any, scope: Scope) -> Any:
    value = resolve(arg, scope)
    return unknown_in(value) or json.dumps(value, separators=(",", ":"))


def _length(arg: Any, scope: Scope) -> Any:
    value = resolve(arg, scope)
    return value if isinstance(value, Unknown) else len(value)


def _deploy_time(name: str) -> Callable[[Any, Scope], Any]:
    return lambda arg, scope: Unknown(f"{name} is only known at deploy time")


_FUNCTIONS: dict[str, Callable[[Any, Scope], Any]] = {
    "Ref": _ref,
    "Fn::GetAtt": _get_att,
    "Fn::Sub": _sub,
    "Fn::Join": _join,
    "Fn::Select": _select,
    "Fn::Split": _split,
    "Fn::If": _if,
    "Fn::FindInMap": _find_in_map,
    "Fn::Equals": _equals,
    "Fn::And": _logic("And"),
    "Fn::Or": _logic("Or"),
    "Fn::Not": _logic("Not"),
    "Condition": _condition,
    "Fn::ImportValue": _import_value,
    "Fn::Base64": _base64,
    "Fn::ToJsonString": _to_json,
    "Fn::Length": _length,
    "Fn::GetAZs": _deploy_time("Fn::GetAZs"),
    "Fn::Cidr": _deploy_time("Fn::Cidr"),
}
