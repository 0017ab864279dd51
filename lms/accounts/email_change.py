"""Telling the old address when an account's e-mail changes, whoever changed it and how.

User.save() calls this when the stored e-mail differs from the new one; bulk writers that skip
save() (the people import) call it themselves. Mail leaves after the transaction commits, so a
rolled-back change tells nobody.
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

DEFAULT_CONTACT = "cán bộ đầu mối an toàn thông tin của đơn vị hoặc quản trị hệ thống An Toàn Số"


def mask_email(address):
    """'mai.nguyen@tphcm.gov.vn' → 'm***@tphcm.gov.vn': a hint, not a new address to write to."""
    if not address:
        return _("(để trống)")
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}***@{domain}" if local else "***"


def _message(username, old_email, new_email, when):
    context = {
        "username": username,
        "new_email_hint": mask_email(new_email),
        "when": timezone.localtime(when).strftime("%H:%M ngày %d/%m/%Y"),
        "contact": getattr(settings, "ACCOUNT_SECURITY_CONTACT", "") or DEFAULT_CONTACT,
    }
    subject = render_to_string("accounts/email_changed_subject.txt", context).strip()
    body = render_to_string("accounts/email_changed.txt", context)
    return subject, body, settings.DEFAULT_FROM_EMAIL, [old_email]


def notify_email_changes(changes):
    """`changes`: iterable of (username, old e-mail, new e-mail); mails each old address."""
    when = timezone.now()
    messages = [
        _message(username, old, new, when)
        for username, old, new in changes
        if old and (old or "").casefold() != (new or "").casefold()
    ]
    if messages:
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))
