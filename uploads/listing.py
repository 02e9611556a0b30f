"""The uploads list, for `GET /api/uploads` and the /uploads page: filters, sorting, and the
grouping of uploads into candidates, plus what higher apps add to each row.

uploads knows files, not people. The app that knows who is in a file (analysis) registers a
`ListingExtension` from its `AppConfig.ready()`: annotations on the queryset, the fields they give
each row, sort keys and filters over them, identity keys for grouping (which uploads are the same
person) and a per-page `decorate` for values worked out in Python. Nothing here imports it.

Grouping: two uploads are versions of one candidate when they share an identity key (the
extension's, e.g. the same email, the same phone, or the same name with an employer in common),
transitively (union-find over all of the owner's uploads when the list is read and anything it
depends on changed, so a corrected profile or a deleted upload regroups at once). A candidate's id is its oldest upload's
id; its latest version is the newest upload.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Max, QuerySet, Sum

from resume_analyzer.errors import Rejected
from uploads.models import Upload


@dataclass(frozen=True)
class ListFilter:
    name: str  # the query parameter
    description: str
    schema: dict  # its OpenAPI schema
    apply: Callable[[QuerySet, str], QuerySet]  # raises Rejected for a value it cannot use


@dataclass(frozen=True)
class ListingExtension:
    annotate: Callable[[QuerySet], QuerySet]
    fields: Callable[[], dict[str, Any]]  # row field name -> DRF serializer field (read-only)
    sorts: dict[str, str]  # public sort key -> annotation the queryset has after `annotate`
    filters: tuple[ListFilter, ...]
    identity_keys: Callable[[Any], dict[int, set[str]]]  # user -> {upload id: keys}
    decorate: Callable[[list[Upload]], None] = lambda items: None
    # user -> a cheap value that changes whenever identity_keys(user) may have changed; the
    # grouping is kept (per process) while it and the uploads stay the same
    identity_version: Callable[[Any], object] = lambda user: None


_extensions: list[ListingExtension] = []


def listing_extend(extension: ListingExtension) -> None:
    if extension not in _extensions:
        _extensions.append(extension)


def extensions() -> tuple[ListingExtension, ...]:
    return tuple(_extensions)


SORTS = {"upload_date": "upload_date", "filename": "filename", "file_size": "file_size"}
DEFAULT_SORT = "-upload_date"
BOOLEAN = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def sort_keys() -> dict[str, str]:
    keys = dict(SORTS)
    for extension in _extensions:
        keys.update(extension.sorts)
    return keys


def list_filters() -> tuple[ListFilter, ...]:
    return tuple(item for extension in _extensions for item in extension.filters)


def openapi_parameters() -> list[dict]:
    """The list's sort, latest and filter parameters, for the schema (read when it is built)."""
    keys = sorted(sort_keys())
    choices = [*keys, *(f"-{key}" for key in keys)]
    parameters = [
        {"name": "sort", "in": "query", "required": False, "schema": {"type": "string", "enum": choices},
         "description": f"Order of the list, a key or '-key' for descending (default {DEFAULT_SORT}); "
         "ties newest first"},
        {"name": "latest", "in": "query", "required": False, "schema": {"type": "boolean"},
         "description": "true: only each candidate's latest upload (one row per person); default false, "
         "every upload"},
    ]
    for item in list_filters():
        parameters.append({"name": item.name, "in": "query", "required": False, "schema": item.schema,
                           "description": item.description})
    return parameters


def parse_bool(params, name: str, default: bool) -> bool:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    value = BOOLEAN.get(str(raw).strip().lower())
    if value is None:
        raise Rejected(f"Invalid {name}", f"'{name}' must be true or false", field=name)
    return value


# --- grouping ------------------------------------------------------------------------------------


@dataclass
class Grouping:
    candidate_of: dict[int, int] = field(default_factory=dict)  # upload id -> candidate id
    members: dict[int, list[int]] = field(default_factory=dict)  # candidate id -> uploads, newest first

    def latest_ids(self) -> list[int]:
        return [ids[0] for ids in self.members.values()]

    def older_ids(self) -> list[int]:
        """Every upload that is not its candidate's latest (usually far fewer than the latest)."""
        return [upload_id for ids in self.members.values() for upload_id in ids[1:]]

    def versions(self, upload_id: int) -> list[int]:
        return self.members.get(self.candidate_of.get(upload_id, upload_id), [upload_id])


GROUPINGS_KEPT = 16
_groupings: "OrderedDict[tuple, Grouping]" = OrderedDict()
_groupings_lock = threading.Lock()  # sync views run on several threads of one process


def candidate_groups(user) -> Grouping:
    """Every upload of `user` with its candidate (see the module docstring). Kept per process
    while the user's uploads (count, newest id) and the extensions' identity versions are
    unchanged, since the keys of 10,000 profiles take a while to work out."""
    uploads = Upload.objects.for_owner(user).aggregate(
        count=Count("id"), newest=Max("id"), ids=Sum("id"), dated=Max("upload_date")
    )
    version = (user.pk, tuple(uploads.values()), tuple(ext.identity_version(user) for ext in _extensions))
    with _groupings_lock:
        if (kept := _groupings.get(version)) is not None:
            _groupings.move_to_end(version)
            return kept
    grouping = _groups_work_out(user)
    with _groupings_lock:
        _groupings[version] = grouping
        while len(_groupings) > GROUPINGS_KEPT:
            _groupings.popitem(last=False)
    return grouping


def _groups_work_out(user) -> Grouping:
    dated = list(Upload.objects.for_owner(user).order_by("-upload_date", "-id").values_list("id", flat=True))
    keys: dict[int, set[str]] = {}
    for extension in _extensions:
        for upload_id, found in extension.identity_keys(user).items():
            keys.setdefault(upload_id, set()).update(found)
    parent = {upload_id: upload_id for upload_id in dated}

    def root(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    holder: dict[str, int] = {}
    for upload_id in dated:
        for key in keys.get(upload_id, ()):
            other = holder.setdefault(key, upload_id)
            a, b = root(upload_id), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    grouping = Grouping()
    by_root: dict[int, list[int]] = {}
    for upload_id in dated:  # newest first, so each member list is too
        by_root.setdefault(root(upload_id), []).append(upload_id)
    for ids in by_root.values():
        candidate = min(ids)
        grouping.members[candidate] = ids
        for upload_id in ids:
            grouping.candidate_of[upload_id] = candidate
    return grouping


# --- the list ------------------------------------------------------------------------------------


@dataclass
class UploadList:
    queryset: QuerySet  # filtered and ordered, not yet paginated
    grouping: Grouping
    sort: str
    latest: bool


def upload_list(user, params, *, latest_default: bool = False) -> UploadList:
    """The user's uploads as `params` (a QueryDict) ask: `sort`, `latest` and the extensions'
    filters. Raises Rejected naming the parameter for a bad value."""
    latest = parse_bool(params, "latest", latest_default)
    sort = (params.get("sort") or DEFAULT_SORT).strip()
    keys = sort_keys()
    if sort.lstrip("-") not in keys:
        raise Rejected("Invalid sort", f"'sort' must be one of: {', '.join(sorted(keys))} (prefix '-' to reverse)",
                       field="sort")
    queryset = Upload.objects.for_owner(user)
    for extension in _extensions:
        queryset = extension.annotate(queryset)
    grouping = candidate_groups(user)
    if latest:
        queryset = queryset.exclude(id__in=grouping.older_ids())
    for item in list_filters():
        value = params.get(item.name)
        if value is not None and str(value).strip() != "":
            queryset = item.apply(queryset, str(value).strip())
    column = F(keys[sort.lstrip("-")])
    order = column.desc(nulls_last=True) if sort.startswith("-") else column.asc(nulls_last=True)
    queryset = queryset.order_by(order, "-upload_date", "-id")
    return UploadList(queryset=queryset, grouping=grouping, sort=sort, latest=latest)


def rows_decorate(items: Iterable[Upload], grouping: Grouping) -> list[Upload]:
    """Set each row's candidate_id, versions (its candidate's uploads, newest first) and
    is_latest_version, then let the extensions add theirs."""
    rows = list(items)
    for upload in rows:
        upload.candidate_id = grouping.candidate_of.get(upload.id, upload.id)
        upload.versions = grouping.versions(upload.id)
        upload.is_latest_version = upload.versions[0] == upload.id
    for extension in _extensions:
        extension.decorate(rows)
    return rows
