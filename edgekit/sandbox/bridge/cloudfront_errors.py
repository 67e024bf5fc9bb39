"""CloudFront errors the bridged operations raise (codes as in botocore's service model).

moto serialises a :class:`~moto.core.exceptions.ServiceException` with the HTTP status the
model gives its code (404 for ``NoSuch*``, 409 for ``*AlreadyExists`` / ``*InUse``, 412 for
``PreconditionFailed`` ...), so a client sees exactly the error the real API would send.
"""

from __future__ import annotations

from moto.cloudfront.exceptions import CloudFrontException


def no_such(code: str, what: str) -> CloudFrontException:
    """``NoSuch*`` / ``EntityNotFound``: the resource does not exist."""
    return CloudFrontException(code, f"The specified {what} does not exist.")


def already_exists(code: str, what: str) -> CloudFrontException:
    """``*AlreadyExists``: a resource with this name or caller reference exists."""
    return CloudFrontException(code, f"A {what} with this name or caller reference already exists.")


def in_use(code: str, what: str) -> CloudFrontException:
    """``*InUse``: the resource is still referenced by a distribution."""
    return CloudFrontException(code, f"The {what} is in use by one or more distributions.")


def if_match_missing() -> CloudFrontException:
    """``InvalidIfMatchVersion``: the request carried no If-Match header."""
    return CloudFrontException(
        "InvalidIfMatchVersion", "The If-Match version is missing or not valid for the resource."
    )


def precondition_failed() -> CloudFrontException:
    """``PreconditionFailed``: If-Match does not name the resource's current ETag."""
    return CloudFrontException(
        "PreconditionFailed", "The precondition given in one or more of the request fields failed."
    )


def illegal(code: str, what: str) -> CloudFrontException:
    """``IllegalUpdate`` / ``IllegalDelete``: AWS-managed resources cannot be changed."""
    return CloudFrontException(code, f"Cannot modify or delete a managed {what}.")


def inconsistent_quantities(path: str) -> CloudFrontException:
    """``InconsistentQuantities``: a Quantity does not match the number of Items."""
    return CloudFrontException(
        "InconsistentQuantities",
        f"The value of Quantity and the size of Items don't match ({path}).",
    )


def invalid_argument(message: str) -> CloudFrontException:
    """``InvalidArgument``: a request member has a value AWS rejects."""
    return CloudFrontException("InvalidArgument", message)


def check_if_match(if_match: str | None, etag: str) -> None:
    """Raise like AWS when If-Match is missing or stale."""
    if not if_match:
        raise if_match_missing()
    if if_match != etag:
        raise precondition_failed()
