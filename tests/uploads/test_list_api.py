import re

import pytest

from tests.uploads.factories import make_upload

SEED_FIELDS = ["file_size", "filename", "id", "linkedin_url", "upload_date"]


@pytest.fixture
def three_uploads(owner):
    return [
        make_upload(owner, "old.pdf", days_ago=3),
        make_upload(owner, "middle.docx", days_ago=2, linkedin_url="https://linkedin.com/in/johndoe"),
        make_upload(owner, "new.doc", days_ago=1),
    ]


def test_empty_list_is_an_empty_array(api):
    response = api.get("/api/uploads")
    assert response.status_code == 200
    assert response.json() == [] and response["X-Total-Count"] == "0"


def test_list_is_newest_first_in_seed_shape(api, three_uploads):
    response = api.get("/api/uploads")
    assert response.status_code == 200
    body = response.json()
    assert [item["filename"] for item in body] == ["new.doc", "middle.docx", "old.pdf"]
    assert all(set(SEED_FIELDS) <= set(item) for item in body)  # the seed's fields stay; ours are added
    assert body[1]["linkedin_url"] == "https://linkedin.com/in/johndoe" and body[0]["linkedin_url"] is None
    assert response["X-Total-Count"] == "3" and "Link" not in response


def test_outsider_never_sees_owner_uploads(outsider_api, outsider, three_uploads):
    make_upload(outsider, "mine.pdf")
    response = outsider_api.get("/api/uploads")
    assert [item["filename"] for item in response.json()] == ["mine.pdf"]
    assert response["X-Total-Count"] == "1"


def test_anonymous_list_is_401(db, anon_api):
    response = anon_api.get("/api/uploads")
    assert response.status_code == 401 and "error" in response.json()


def _links(response) -> dict[str, str]:
    return {rel: url for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response["Link"])}


def test_limit_and_offset_keep_the_array_body(api, three_uploads):
    first = api.get("/api/uploads?limit=2")
    assert [item["filename"] for item in first.json()] == ["new.doc", "middle.docx"]
    assert first["X-Total-Count"] == "3"
    links = _links(first)
    assert set(links) == {"first", "last", "next"}
    assert links["next"].endswith("/api/uploads?limit=2&offset=2")
    second = api.get(links["next"])
    assert [item["filename"] for item in second.json()] == ["old.pdf"]
    assert set(_links(second)) == {"first", "last", "prev"}
    assert _links(second)["prev"].endswith("limit=2&offset=0")


@pytest.mark.parametrize("offset", ["10", "9223372036854775807", "99999999999999999999"])
def test_offset_past_the_end_is_an_empty_page(api, three_uploads, offset):
    response = api.get(f"/api/uploads?limit=2&offset={offset}")
    assert response.status_code == 200 and response.json() == [] and response["X-Total-Count"] == "3"


@pytest.mark.parametrize("query,field", [("limit=0", "limit"), ("limit=abc", "limit"), ("limit=101", "limit"),
                                          ("offset=-1", "offset"), ("limit=2&offset=x", "offset")])
def test_bad_pagination_is_400(api, query, field):
    response = api.get(f"/api/uploads?{query}")
    assert response.status_code == 400
    assert response.json()["field"] == field and response.json()["message"]
