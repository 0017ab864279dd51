from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

_NOT_LOADED = object()


class User(AbstractUser):
    """The login account. A civil servant's work data lives on org.Person, not here.

    Swappable from the first migration so later fields (SSO ids, MFA) need no user-table
    surgery; the username is the employee code for imported people.

    Every save that changes the e-mail tells the old address (lms.accounts.email_change), so no
    path (person form, Wagtail user edit, own account settings, shell) changes it silently.
    """

    email = models.EmailField(_("email"), blank=True, db_index=True)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self):
        person = getattr(self, "person", None)
        return person.full_name if person else (self.get_full_name() or self.username)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "email" in field_names:
            instance._stored_email = values[field_names.index("email")]
        return instance

    def refresh_from_db(self, using=None, fields=None, from_queryset=None):
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        if fields is None or "email" in fields:
            self._stored_email = self.email

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        watch = self.pk is not None and (update_fields is None or "email" in update_fields)
        old = None
        if watch:
            old = self.__dict__.get("_stored_email", _NOT_LOADED)
            if old is _NOT_LOADED:  # built by hand with a pk: ask the database
                old = (
                    type(self)
                    ._default_manager.filter(pk=self.pk)
                    .values_list("email", flat=True)
                    .first()
                )
        super().save(*args, **kwargs)
        if watch and old and old != self.email:
            from .email_change import notify_email_changes

            notify_email_changes([(self.get_username(), old, self.email)])
        self._stored_email = self.email
