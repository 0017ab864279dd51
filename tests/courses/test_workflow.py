"""Authoring: trainers submit, Sở Nội vụ approves and publishes; learners never see drafts."""

import pytest
from wagtail.models import GroupPagePermission, Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage, ModulePage


def test_migration_attaches_the_workflow_to_the_catalogue(course_index):
    workflow = Workflow.objects.get(name="Duyệt nội dung đào tạo")
    assert course_index.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == ["Sở Nội vụ"]


def test_page_permissions_by_role(course_index):
    granted = {
        (p.group.name, p.permission.codename)
        for p in GroupPagePermission.objects.filter(page=course_index).select_related(
            "group", "permission"
        )
    }
    assert {("Giảng viên", "add_page"), ("Giảng viên", "change_page")} <= granted
    assert ("Giảng viên", "publish_page") not in granted
    assert ("Sở Nội vụ", "publish_page") in granted and ("Quản trị", "publish_page") in granted
    assert not any(group == "Học viên" for group, _ in granted)


def test_trainer_may_edit_but_not_publish(trainer, home_affairs, course, modules):
    trainer_perms = modules[0].permissions_for_user(trainer)
    assert trainer_perms.can_edit() and trainer_perms.can_add_subpage() is False
    assert not trainer_perms.can_publish()
    assert course.permissions_for_user(trainer).can_add_subpage()
    assert modules[0].permissions_for_user(home_affairs).can_publish()
    assert not CourseIndexPage.objects.get().get_parent().permissions_for_user(trainer).can_edit()


def _module_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "bai-moi",
            "summary": "Tóm tắt.",
            "objectives": "",
            "body": streamfield(
                [("heading", "Mục mới"), ("paragraph", rich_text("<p>Nội dung.</p>"))]
            ),
            "estimated_minutes": 30,
            "tiet": "1",
            "completion_rule": "viewed",
            "h5p_pass_percent": 80,
            "comments": inline_formset([]),
        }
    ) | {"tracks": ["A"]}  # a multi-value field: nested_form_data would flatten the list


def test_trainer_submits_home_affairs_approves_learner_sees_it(
    client_for, trainer, home_affairs, learner, course, enrolled, django_capture_on_commit_callbacks
):
    add_url = f"/admin/pages/add/courses/modulepage/{course.pk}/"
    data = _module_form("Bài mới của giảng viên")
    # Trying to publish directly is not possible: the publish action is ignored for a trainer.
    response = client_for(trainer).post(add_url, {**data, "action-publish": "action-publish"})
    assert response.status_code in (302, 403)
    module = ModulePage.objects.filter(title="Bài mới của giảng viên").first()
    assert module is None or not module.live
    if module is not None:
        module.delete()
    response = client_for(trainer).post(add_url, {**data, "action-submit": "action-submit"})
    assert response.status_code == 302, response.content.decode()[:3000]
    module = ModulePage.objects.get(title="Bài mới của giảng viên")
    assert not module.live and module.tracks == "A" and module.body[0].value == "Mục mới"
    state = WorkflowState.objects.get(object_id=str(module.pk))
    assert state.status == "in_progress"
    assert client_for(learner).get(f"{course.url}bai-moi/").status_code == 404

    task_state = state.current_task_state
    # The approval publishes inside Wagtail's own transaction; the content cache's version is
    # replaced when it commits, which the test's wrapping transaction never does by itself.
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(home_affairs).post(
            f"/admin/pages/workflow/action/{module.pk}/approve/{task_state.pk}/",
            {"comment": "Đạt yêu cầu."},
        )
    assert response.status_code in (200, 302)
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    module.refresh_from_db()
    assert module.live
    html = client_for(learner).get(f"{course.url}bai-moi/").content.decode()
    assert "Mục mới" in html


@pytest.mark.django_db
def test_learner_has_no_admin_access(client_for, learner):
    response = client_for(learner).get("/admin/pages/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_preview_shows_draft_to_trainer_without_recording_progress(
    client_for, trainer, course, modules
):
    from courses.models import ModuleProgress

    response = client_for(trainer).get(f"/admin/pages/{modules[0].pk}/edit/preview/")
    assert response.status_code == 200
    assert not ModuleProgress.objects.exists()
    assert isinstance(course, CoursePage)
