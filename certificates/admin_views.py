"""Wagtail admin: "Sổ cấp chứng nhận" (the register). Thin views over certificates.register
(scope, filters, exports) and certificates.issuance (revoke, re-issue). A certificate outside the
user's scope is a 404; revoking and re-issuing need city-wide rights and a reason (POST, CSRF).
Every export (XLSX, CSV, ZIP) is logged with who asked and the filters."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic.base import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from lms.lib.exports import Xlsx, csv_response
from lms.org.access import visible_units

from . import issuance
from .models import CertificateExport
from .register import (
    HEADINGS,
    RegisterFilterForm,
    can_revoke,
    can_use_register,
    counts_per_unit,
    export_rows,
    log_export,
    register_for,
    row_values,
)

PER_PAGE = 50
INDEX = "so-cap-chung-nhan:index"


class _RegisterMixin(WagtailAdminTemplateMixin):
    page_title = gettext_lazy("Sổ cấp chứng nhận")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not can_use_register(request.user):
            return TemplateResponse(
                request,
                "courses/forbidden.html",
                {"message": _("Chỉ Sở Nội vụ và cán bộ phụ trách đơn vị được xem sổ cấp.")},
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items, {"url": reverse(INDEX), "label": self.page_title}]
        subtitle = self.get_page_subtitle()
        if subtitle:
            items.append({"url": "", "label": subtitle})
        return items

    def get_certificate(self, serial):
        return get_object_or_404(
            register_for(self.request.user).select_related("replaces", "revoked_by"),
            serial=serial,
        )


class RegisterIndexView(_RegisterMixin, TemplateView):
    template_name = "certificates/admin/register.html"
    http_method_names = ["get", "head"]

    def get(self, request):
        units = visible_units(request.user)
        form = RegisterFilterForm(request.GET or None, user=request.user, units=units)
        scope = register_for(request.user, units)
        if form.is_bound and not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, rows=[]), status=400)
        certificates = form.filter(scope) if form.is_bound else scope.order_by("-issued_at")
        filters = form.as_filters() if form.is_bound else {}
        export = request.GET.get("export")
        if export in ("xlsx", "csv"):
            log_export(request.user, export, filters, certificates.count())
            name = f"so-cap-chung-nhan-{timezone.localdate():%Y%m%d}"
            if export == "csv":
                return csv_response(f"{name}.csv", HEADINGS, export_rows(certificates))
            book = Xlsx()
            book.sheet(_("Sổ cấp"), HEADINGS, freeze="A2").rows(export_rows(certificates))
            units_sheet = book.sheet(
                _("Theo đơn vị"), [_("Mã đơn vị"), _("Đơn vị"), _("Số chứng nhận")]
            )
            units_sheet.rows(
                [row["unit_code"], row["unit_name"], row["count"]]
                for row in counts_per_unit(certificates)
            )
            return book.response(f"{name}.xlsx")
        page = Paginator(certificates.select_related("replaces"), PER_PAGE).get_page(
            request.GET.get("p")
        )
        today = timezone.localdate()
        query = request.GET.copy()
        for key in ("p", "export"):
            query.pop(key, None)
        context = self.get_context_data(
            form=form,
            rows=[(c, row_values(c, today)) for c in page.object_list],
            page_obj=page,
            per_unit=counts_per_unit(certificates),
            querystring=query.urlencode(),
            exports=CertificateExport.objects.filter(requested_by=request.user)[:5],
            can_revoke=can_revoke(request.user),
        )
        return self.render_to_response(context)


class CertificateDetailView(_RegisterMixin, TemplateView):
    template_name = "certificates/admin/certificate.html"
    page_subtitle = gettext_lazy("Chứng nhận")
    http_method_names = ["get", "post"]

    def get(self, request, serial):
        certificate = self.get_certificate(serial)
        return self.render_to_response(self._context(certificate))

    def _context(self, certificate, error=""):
        return self.get_context_data(
            certificate=certificate,
            state=certificate.state,
            events=certificate.events.select_related("actor")[:50],
            can_revoke=can_revoke(self.request.user),
            error=error,
        )

    def post(self, request, serial):
        certificate = self.get_certificate(serial)
        action = request.POST.get("action")
        if not can_revoke(request.user):
            raise Http404
        reason = request.POST.get("reason", "")
        try:
            if action == "revoke":
                issuance.revoke(certificate, by=request.user, reason=reason)
                messages.success(request, _("Đã thu hồi chứng nhận %s.") % certificate.serial)
            elif action == "reissue":
                new = issuance.reissue(certificate, by=request.user, reason=reason)
                messages.success(
                    request,
                    _("Đã cấp lại: %(new)s thay cho %(old)s.")
                    % {"new": new.serial, "old": certificate.serial},
                )
                return redirect("so-cap-chung-nhan:detail", serial=new.serial)
            elif action == "retry":
                from .tasks import produce_certificate_file

                produce_certificate_file.enqueue(certificate.pk)
                messages.success(request, _("Đã yêu cầu tạo lại tệp."))
            else:
                raise Http404
        except ValidationError as error:
            return self.render_to_response(
                self._context(certificate, error=" ".join(error.messages)), status=400
            )
        return redirect("so-cap-chung-nhan:detail", serial=certificate.serial)


class CertificateFileView(_RegisterMixin, TemplateView):
    """Staff download of the stored file (scoped)."""

    def get(self, request, serial):
        certificate = self.get_certificate(serial)
        if not certificate.file:
            raise Http404
        return FileResponse(
            certificate.file.open("rb"),
            as_attachment=True,
            filename=f"{certificate.serial}.pdf",
            content_type="application/pdf",
        )


class ZipExportView(_RegisterMixin, TemplateView):
    """POST: start the background ZIP of the filtered PDFs; GET <pk>: download it (streamed)."""

    http_method_names = ["get", "post"]

    def post(self, request):
        units = visible_units(request.user)
        form = RegisterFilterForm(request.POST, user=request.user, units=units)
        if not form.is_valid():
            messages.error(request, _("Bộ lọc không hợp lệ."))
            return redirect(INDEX)
        export = CertificateExport.objects.create(
            requested_by=request.user, filters=form.as_filters()
        )
        log_export(request.user, "zip", export.filters, None)
        from .tasks import build_certificate_zip

        build_certificate_zip.enqueue(export.pk)
        messages.success(request, _("Đang tạo tệp ZIP; tải về ở mục “Tệp ZIP” khi xong."))
        return redirect(INDEX)

    def get(self, request, pk):
        export = get_object_or_404(
            CertificateExport.objects.filter(
                requested_by=request.user, status=CertificateExport.Status.DONE
            ),
            pk=pk,
        )
        return FileResponse(
            export.file.open("rb"),
            as_attachment=True,
            filename=f"so-cap-chung-nhan-{export.pk}.zip",
            content_type="application/zip",
        )
