from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .validation import MAX_TOTAL_SIZE, H5PPackageError, validate_package


class H5PUploadForm(WagtailAdminModelForm):
    """Create form of the H5P snippet: the archive is validated in full here, so every problem
    is shown on the form before anything is stored."""

    package_file = forms.FileField(
        label=_("tệp .h5p"),
        help_text=_("Gói H5P xuất từ H5P.org hoặc Lumi, gồm đủ các thư viện; tối đa %(mb)s MB.")
        % {"mb": MAX_TOTAL_SIZE // 2**20},
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    class Meta:
        fields = ["title", "package_file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def clean_package_file(self):
        upload = self.cleaned_data["package_file"]
        if not upload.name.lower().endswith(".h5p"):
            raise forms.ValidationError(
                _('Tệp "%(file)s": chỉ nhận tệp có phần mở rộng .h5p.') % {"file": upload.name}
            )
        if upload.size > MAX_TOTAL_SIZE:
            raise forms.ValidationError(
                _('Tệp "%(file)s": vượt giới hạn %(mb)s MB.')
                % {"file": upload.name, "mb": MAX_TOTAL_SIZE // 2**20}
            )
        try:
            self.validated = validate_package(
                upload, upload.name, user=getattr(self, "for_user", None)
            )
        except H5PPackageError as exc:
            raise forms.ValidationError(exc.messages) from None
        upload.seek(0)
        return upload
