"""Course progress, computed on the server from ModuleProgress rows in one query per course."""

from dataclasses import dataclass, field
from functools import cached_property

from .models import ModuleProgress


@dataclass
class CourseProgress:
    """Which modules of one course a learner has completed, and what follows from it."""

    enrolment: object
    modules: list
    completed_ids: set = field(default_factory=set)

    @classmethod
    def for_enrolment(cls, enrolment, course, modules):
        completed = set()
        if enrolment is not None and modules:
            completed = ModuleProgress.objects.completed_module_ids(
                enrolment.user_id, [m.pk for m in modules]
            )
        return cls(enrolment=enrolment, modules=modules, completed_ids=completed)

    @classmethod
    def from_annotated(cls, enrolment, modules):
        """From modules annotated by ModulePageQuerySet.with_completion(); no query."""
        completed = {m.pk for m in modules if getattr(m, "is_done", False)} if enrolment else set()
        return cls(enrolment=enrolment, modules=modules, completed_ids=completed)

    @classmethod
    def from_completed(cls, enrolment, modules, completed_ids):
        return cls(enrolment=enrolment, modules=modules, completed_ids=set(completed_ids))

    @property
    def tracks(self):
        return self.enrolment.tracks if self.enrolment is not None else ""

    def is_complete(self, module):
        return module.pk in self.completed_ids

    def is_required(self, module):
        return module.is_required_for(self.tracks)

    @cached_property
    def required_modules(self):
        """The modules this learner must complete (their tracks never change mid-request)."""
        return [m for m in self.modules if self.is_required(m)]

    @property
    def required_done(self):
        return sum(1 for m in self.required_modules if m.pk in self.completed_ids)

    @property
    def required_count(self):
        return len(self.required_modules)

    @property
    def percent(self):
        if not self.required_count:
            return 0
        return round(100 * self.required_done / self.required_count)

    @property
    def all_required_done(self):
        return self.required_done == self.required_count

    def next_module(self):
        """The first required module not yet completed (else the first unfinished one)."""
        for module in self.required_modules:
            if module.pk not in self.completed_ids:
                return module
        for module in self.modules:
            if module.pk not in self.completed_ids:
                return module
        return None

    def neighbour(self, module, step):
        ids = [m.pk for m in self.modules]
        if module.pk not in ids:
            return None
        index = ids.index(module.pk) + step
        return self.modules[index] if 0 <= index < len(self.modules) else None

    def rows(self):
        """(module, completed, required) for the course page's module list."""
        required = {m.pk for m in self.required_modules}
        return [(m, m.pk in self.completed_ids, m.pk in required) for m in self.modules]
