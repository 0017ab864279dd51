"""The vetting screen (superusers only): upload a package, see each of its libraries (already
vetted, new, or different from the vetted bytes) with every file's SHA-256, confirm
explicitly, and the new library versions join the allow-list (VettedLibrary, logged).

Step 1 validates the archive's structure and puts the manifests in a signed form field bound
to the superuser; step 2 checks that signature and the confirmation box, then vets. The
archive itself is neither stored nor kept in the session."""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .libraries import status, vet_libraries, vetted_variants
from .models import VettedLibrary
from .validation import MAX_TOTAL_SIZE, H5PPackageError, LibraryManifest, validate_structure

CONFIRM_SALT = "content.h5p.vet-confirm"
CONFIRM_MAX_AGE = 60 * 60


class VetUploadForm(forms.Form):
    package_file = forms.FileField(
        label=gettext_lazy("tệp .h5p chứa các thư viện cần thẩm định"),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )


class VetConfirmForm(forms.Form):
    payload = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "Tôi đã xem xét mã nguồn của các thư viện mới ở trên và cho phép chúng chạy trong "
            "trình phát H5P của hệ thống."
        ),
        error_messages={"required": gettext_lazy("Hãy đánh dấu ô xác nhận để thẩm định.")},
    )


def _require_superuser(request):
    if not (request.user.is_authenticated and request.user.is_active and request.user.is_superuser):
        raise PermissionDenied


def _rows(manifests):
    variants = vetted_variants(manifests)
    return [
        {
            "manifest": manifest,
            "status": status(manifest, variants),
            "scripts": sorted(
                (path, sha)
                for path, sha in manifest.files.items()
                if path.lower().endswith((".js", ".css"))
            ),
        }
        for manifest in manifests
    ]


def vet_index(request):
    """List of the additions, and step 1 (upload → what would be vetted)."""
    _require_superuser(request)
    form = VetUploadForm(request.POST or None, request.FILES or None)
    context = {
        "form": form,
        "added": VettedLibrary.objects.select_related("vetted_by"),
        "problems": None,
        "rows": None,
    }
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["package_file"]
        if upload.size > MAX_TOTAL_SIZE:
            context["problems"] = [
                _('Tệp "%(file)s": vượt giới hạn %(mb)s MB.')
                % {"file": upload.name, "mb": MAX_TOTAL_SIZE // 2**20}
            ]
        else:
            try:
                validated = validate_structure(upload, upload.name)
            except H5PPackageError as exc:
                context["problems"] = exc.messages
            else:
                rows = _rows(validated.libraries)
                new = [row["manifest"] for row in rows if row["status"] != "vetted"]
                context.update(rows=rows, filename=upload.name, new=new)
                if new:
                    payload = signing.dumps(
                        {
                            "user": request.user.pk,
                            "source": upload.name,
                            "libraries": [[m.machine_name, m.version, m.files] for m in new],
                        },
                        salt=CONFIRM_SALT,
                        compress=True,
                    )
                    context["confirm_form"] = VetConfirmForm(initial={"payload": payload})
    return TemplateResponse(request, "content/h5p/admin/vet.html", context)


@require_POST
def vet_confirm(request):
    """Step 2: the superuser ticked the confirmation; the listed libraries are vetted."""
    _require_superuser(request)
    form = VetConfirmForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("confirm", []):
            messages.error(request, error)
        if "confirm" not in form.errors:
            messages.error(request, _("Dữ liệu xác nhận không hợp lệ; hãy tải gói lên lại."))
        return redirect("h5p_libraries:index")
    try:
        data = signing.loads(
            form.cleaned_data["payload"], salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE
        )
    except signing.BadSignature:
        data = None
    if not data or data.get("user") != request.user.pk:
        messages.error(
            request, _("Phiên thẩm định đã hết hạn hoặc không khớp; hãy tải gói lên lại.")
        )
        return redirect("h5p_libraries:index")
    manifests = [
        LibraryManifest(machine_name=name, version=tuple(version), files=files)
        for name, version, files in data["libraries"]
    ]
    created = vet_libraries(manifests, request.user, data.get("source", ""))
    messages.success(
        request,
        _("Đã thẩm định %(n)s thư viện: %(names)s.")
        % {"n": len(created), "names": ", ".join(str(row) for row in created) or "—"},
    )
    return redirect("h5p_libraries:index")
