from django.urls import path

from bakohumas.evaluation import views, views_documents, views_national, views_scorecard

app_name = "evaluation"

urlpatterns = [
    path("nasional/<period:period_code>/", views_national.national_page, name="national"),
    path("kantor/<office:office_code>/<period:period_code>/", views_scorecard.scorecard_page, name="scorecard"),
    path("kantor/<office:office_code>/", views_scorecard.scorecard_latest, name="scorecard_latest"),
    path("<office:region_code>/<period:period_code>/", views.evaluation_page, name="evaluation"),
    path("<office:region_code>/<period:period_code>/kelengkapan/", views.completeness_page, name="completeness"),
    path("<office:region_code>/<period:period_code>/ubah/", views.edit_evaluation, name="edit"),
    path("<office:region_code>/<period:period_code>/unduh/", views_documents.request_document, name="request_document"),
]
