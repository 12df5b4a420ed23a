from django.urls import path

from bakohumas.reports import views, views_periods, views_transfer

app_name = "reports"

urlpatterns = [
    path("mulai/<office:office_code>/<period:period_code>/", views.start_report, name="start"),
    path("periode/", views_periods.periods, name="periods"),
    path("impor/", views_transfer.import_reports, name="import"),
    path("impor/konfirmasi/", views_transfer.confirm_import, name="import_confirm"),
    path("saran-diubah/<office:region_code>/<period:period_code>/", views.report_overrides, name="overrides"),
    path("ekspor/<office:region_code>/<period:period_code>.csv", views_transfer.export_reports, name="export"),
    path("<uuid:submission_id>/", views.report_detail, name="detail"),
    path("<uuid:submission_id>/kirim/", views.submit_report, name="submit"),
    path("<uuid:submission_id>/kembalikan/", views.return_report, name="return"),
    path("<uuid:submission_id>/verifikasi/", views.verify_report, name="verify"),
    path("<uuid:submission_id>/versi/<int:number>/", views.report_version, name="version"),
    path("<uuid:submission_id>/bukti/<slug:code>/", views.evidence_file, name="evidence"),
]
