"""Optional limit/offset for list endpoints that keeps the seed's plain JSON array body: the
page goes in the body, the total in X-Total-Count and the neighbours in an RFC 8288 Link header."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from rest_framework.request import Request

from resume_analyzer.errors import Rejected

MAX_LIMIT = 100


@dataclass
class Page:
    items: list
    headers: dict[str, str] = field(default_factory=dict)


def paginate(request: Request, queryset: QuerySet) -> Page:
    """Raises Rejected for a bad limit or offset."""
    params = request.query_params
    total = queryset.count()
    if "limit" not in params and "offset" not in params:
        return Page(list(queryset), {"X-Total-Count": str(total)})
    limit = _int_param(params, "limit", default=MAX_LIMIT, low=1, high=MAX_LIMIT)
    offset = _int_param(params, "offset", default=0, low=0, high=None)
    # Past the end is an empty page; not asking the database also keeps an offset beyond
    # PostgreSQL's bigint (any number of digits is accepted) from reaching it.
    items = list(queryset[offset : offset + limit]) if offset < total else []
    headers = {"X-Total-Count": str(total)}
    links = _links(request, limit, offset, total)
    if links:
        headers["Link"] = ", ".join(links)
    return Page(items, headers)


def _int_param(params, name: str, *, default: int, low: int, high: int | None) -> int:
    raw = params.get(name)
    if raw is None:
        return default
    bound = f"between {low} and {high}" if high is not None else f"{low} or more"
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or value < low or (high is not None and value > high):
        raise Rejected(f"Invalid {name}", f"'{name}' must be an integer {bound}", field=name)
    return value


def _links(request: Request, limit: int, offset: int, total: int) -> list[str]:
    last = max(0, (total - 1) // limit * limit)
    targets = {"first": 0, "last": last}
    if offset + limit < total:
        targets["next"] = offset + limit
    if offset > 0:
        targets["prev"] = max(0, offset - limit)
    return [f'<{_url(request, limit, value)}>; rel="{rel}"' for rel, value in targets.items()]


def _url(request: Request, limit: int, offset: int) -> str:
    query = request.query_params.copy()
    query["limit"] = str(limit)
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
