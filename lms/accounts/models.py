from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The login account. A civil servant's work data lives on org.Person, not here.

    Swappable from the first migration so later fields (SSO ids, MFA) need no user-table
    surgery; the username is the employee code for imported people.
    """

    email = models.EmailField(_("email"), blank=True, db_index=True)

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self):
        person = getattr(self, "person", None)
        return person.full_name if person else (self.get_full_name() or self.username)
