"""Chat questions about all of a recruiter's candidates ("who knows Kafka?") are answered from
search across them, by name with the matching passage; questions about the candidate in view,
and other users' candidates, stay out."""

from chat.services import across_topic, answer_across_candidates, chat_exchange_prepare


def test_only_questions_about_all_candidates_are_taken_across():
    assert across_topic("Who knows Kafka?") == "Kafka"
    assert across_topic("Which candidates have ACLS?") == "ACLS"
    assert across_topic("Does anyone have experience with payments infrastructure?") == "payments infrastructure"
    assert across_topic("Who did she report to?") is None
    assert across_topic("Does she know Kafka?") is None
    assert across_topic("What are the candidate's top skills?") is None
    assert across_topic("Who?") is None


def test_who_knows_kafka_names_the_payments_engineer_first(corpus_db):
    c = corpus_db
    answer = answer_across_candidates(user=c["owner"], question="Who knows Kafka?")
    print(answer.content)
    found = answer.metadata["candidates"]
    assert answer.metadata["from_search"] and found[0]["upload_id"] in {c["payments"].id, c["jordan"].id}
    assert {item["upload_id"] for item in found} >= {c["payments"].id, c["jordan"].id}
    assert found[0]["name"] in answer.content and "Kafka" in found[0]["matched_skills"]
    assert c["outsider_nurse"].id not in {item["upload_id"] for item in found}


def test_which_candidates_have_acls_puts_the_icu_nurse_first_and_the_exchange_carries_it(corpus_db):
    c = corpus_db
    job = c["payments"].jobs.get()  # the chat is open on another resume: the question is still about everyone
    asked, answered = chat_exchange_prepare(user=c["owner"], job=job, question="Which candidates have ACLS?")
    found = answered.metadata["candidates"]
    assert found[0]["upload_id"] == c["icu_nurse"].id
    assert "ACLS" in found[0]["snippet"] or "ACLS" in found[0]["matched_skills"]
    assert answered.content.startswith(("1 candidate", f"{len(found)} candidates"))


def test_nobody_matching_is_said_plainly(db, owner):
    answer = answer_across_candidates(user=owner, question="Who knows Fortran?")
    assert answer.metadata["candidates"] == [] and "None of your candidates" in answer.content
