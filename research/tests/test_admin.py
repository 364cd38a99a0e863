"""Staff view of research tasks inside the Django admin."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from credits.models import CreditTransaction
from credits.services import balance_current, research_charge
from credits.tests.factories import StaffFactory, UserFactory
from research import documents, lifecycle
from research.audit import reconcile
from research.exceptions import AlreadyRefunded
from research.tests.factories import insert_tasks, make_task

LIST = "/admin/research/researchtaskentry/"


@pytest.fixture
def staff_client(db: None) -> Client:
    client = Client()
    client.force_login(StaffFactory(username="charlie"))
    return client


@pytest.mark.django_db
def test_staff_search_and_filter_tasks_of_every_user(staff_client: Client, mongo_db: Any) -> None:
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    insert_tasks([
        make_task(alice.pk, title="Meal planner <b>beta</b>", status="completed"),
        make_task(bob.pk, title="Restaurant waste tracker", status="failed", depth="deep"),
        make_task(bob.pk, title="Async stand-ups", status="processing"),
    ])  # fmt: skip
    everything = staff_client.get(LIST)
    assert everything.status_code == 200
    assert b"3 tasks" in everything.content
    assert b"Meal planner &lt;b&gt;beta&lt;/b&gt;" in everything.content  # escaped, never HTML
    by_user = staff_client.get(LIST, {"user": "bob", "status": "failed", "depth": "deep"})
    assert b"1 task" in by_user.content and b"Restaurant waste tracker" in by_user.content
    by_text = staff_client.get(LIST, {"q": "stand-up"})
    assert b"Async stand-ups" in by_text.content and b"Meal planner" not in by_text.content


def ledger(task: documents.ResearchTask) -> list[tuple[str, int, str, str]]:
    rows = CreditTransaction.objects.filter(research_request_id=task.request_id).order_by("timestamp")
    return [(row.kind, row.amount, row.reason, row.actor.username if row.actor else "") for row in rows]


@pytest.mark.django_db
def test_staff_abort_asks_for_confirmation_and_a_reason_and_names_the_staff(
    staff_client: Client, mongo_db: Any
) -> None:
    # given bob's charged research, still processing
    bob = UserFactory(username="bob")
    task = make_task(bob.pk, status="processing")
    research_charge(user=bob, request_id=task.request_id, depth="essential")
    insert_tasks([task])
    detail = staff_client.get(f"{LIST}{task.id}/")
    assert detail.status_code == 200 and task.request_id.encode() in detail.content
    assert b"Abort and refund" in detail.content and b"Refund\xe2\x80\xa6" not in detail.content
    # when staff open the abort: a confirmation page, nothing changed yet
    confirm = staff_client.get(f"{LIST}{task.id}/abort/")
    assert confirm.status_code == 200 and b"reason" in confirm.content.lower()
    # and confirm without a reason: refused, nothing changed
    refused = staff_client.post(f"{LIST}{task.id}/abort/", {"reason": "  "})
    assert refused.status_code == 200 and b"This field is required" in refused.content
    assert documents.task_get(task.id).status == "processing"
    # and with a reason
    staff_client.post(f"{LIST}{task.id}/abort/", {"reason": "stuck on a bad source"})
    # then it is aborted and refunded once, the row naming charlie and the reason
    final = documents.task_get(task.id)
    assert (final.status, final.refunded) == ("aborted", True)
    assert ledger(task) == [
        ("research_charge", -6, "", ""),
        ("refund", 6, "aborted by staff: stuck on a bad source", "charlie"),
    ]
    # and neither abort nor refund is offered any more; a forced refund moves nothing
    page = staff_client.get(f"{LIST}{task.id}/")
    assert b"Abort and refund" not in page.content and b"Refund\xe2\x80\xa6" not in page.content
    staff_client.post(f"{LIST}{task.id}/refund/", {"reason": "again"})
    assert len(ledger(task)) == 2
    assert reconcile() == []


@pytest.mark.django_db
def test_non_staff_cannot_see_the_research_admin(mongo_db: Any) -> None:
    client = Client()
    client.force_login(UserFactory(username="alice"))
    response = client.get(LIST)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_staff_see_a_finished_tasks_sources_and_human_times(staff_client: Client, mongo_db: Any) -> None:
    # given bob's completed research whose report lists a cited and an uncited source
    bob = UserFactory(username="bob")
    report = {
        "citations": [{"id": "S1", "url": "https://a.example/x", "title": "Analyst view", "sample": True}],
        "sources": [
            {"id": "S1", "url": "https://a.example/x", "title": "Analyst view",
             "source_type": "analyst_report", "cited": True, "sample": True},
            {"id": "S2", "url": "https://b.example/y", "title": "Unused forum",
             "source_type": "review_forum"},
        ],
        "executive_summary": "Fine.",
    }  # fmt: skip
    task = make_task(bob.pk, status="completed", report=report, pmf_score=61)
    insert_tasks([task])
    # when staff open it
    page = staff_client.get(f"{LIST}{task.id}/").content.decode()
    # then both sources are listed with their type and whether they were cited, and no ISO timestamps
    assert "Sources (2)" in page and "No sources yet" not in page
    assert "Analyst view <em>(fictional sample)</em>" in page and "review_forum" in page
    assert task.created_at.strftime("%-d %b %Y") in page and task.created_at.isoformat()[:19] not in page


@pytest.mark.django_db
def test_celery_results_are_view_only_in_the_admin(staff_client: Client) -> None:
    # when staff open Celery's task results, then there is no Add link and the add page is refused
    listing = staff_client.get("/admin/django_celery_results/taskresult/")
    assert listing.status_code == 200
    assert b"/admin/django_celery_results/taskresult/add/" not in listing.content
    assert staff_client.get("/admin/django_celery_results/taskresult/add/").status_code == 403
    assert staff_client.get("/admin/django_celery_results/groupresult/add/").status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "length", "message"),
    [
        ("q", 5000, "Keep the search under 200 characters."),
        ("q", 201, "Keep the search under 200 characters."),
        ("user", 151, "Keep the user name under 150 characters."),
    ],
)
def test_an_overlong_staff_search_is_a_400_naming_the_field(
    staff_client: Client, mongo_db: Any, field: str, length: int, message: str
) -> None:
    # given a task to find
    insert_tasks([make_task(UserFactory(username="alice").pk, title="Meal planner")])
    # when staff search with an over-long text
    response = staff_client.get(LIST, {field: "x" * length})
    # then the list answers 400 with a message on that field, and lists nothing
    assert response.status_code == 400
    assert response.context["search_errors"] == {field: [message]}
    assert message.encode() in response.content
    assert b"Meal planner" not in response.content


@pytest.mark.django_db
def test_staff_refund_twice_refunds_once_with_the_actor_and_the_audit_reconciles(
    staff_client: Client, mongo_db: Any
) -> None:
    # given bob's completed deep research (charged 18 of his 1000 credits)
    bob = UserFactory(username="bob")
    task = make_task(bob.pk, status="completed", depth="deep", credits_charged=18)
    research_charge(user=bob, request_id=task.request_id, depth="deep")
    insert_tasks([task])
    assert balance_current(user=bob).current_balance == 1000 - 18
    assert b"Refund\xe2\x80\xa6" in staff_client.get(f"{LIST}{task.id}/").content
    # when staff refund it with a reason, then try again (a double submit, or a second tab)
    first = staff_client.post(f"{LIST}{task.id}/refund/", {"reason": "report was empty"}, follow=True)
    second = staff_client.post(f"{LIST}{task.id}/refund/", {"reason": "report was empty"}, follow=True)
    # then one refund row, naming charlie; the task says refunded; the balance is whole again
    assert b"Refunded." in first.content
    assert b"does not apply" in second.content
    assert ledger(task) == [
        ("research_charge", -18, "", ""),
        ("refund", 18, "refunded by staff: report was empty", "charlie"),
    ]
    final = documents.task_get(task.id)
    assert (final.status, final.refunded) == ("completed", True)
    assert balance_current(user=bob).current_balance == 1000
    # and the service refuses a second refund with a distinct code
    with pytest.raises(AlreadyRefunded) as refused:
        lifecycle.refund(task.id, reason="again")
    assert refused.value.code == "already_refunded"
    assert len(ledger(task)) == 2
    assert reconcile() == []
