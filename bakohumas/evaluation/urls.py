from django.urls import path

from bakohumas.evaluation import views, views_documents, views_national, views_scorecard

app_name = "evaluation"

urlpatterns = [
    path("nasional/<str:period_code>/", views_national.national_page, name="national"),
    path("kantor/<str:office_code>/<str:period_code>/", views_scorecard.scorecard_page, name="scorecard"),
    path("kantor/<str:office_code>/", views_scorecard.scorecard_latest, name="scorecard_latest"),
    path("<str:region_code>/<str:period_code>/", views.evaluation_page, name="evaluation"),
    path("<str:region_code>/<str:period_code>/kelengkapan/", views.completeness_page, name="completeness"),
    path("<str:region_code>/<str:period_code>/unduh/", views_documents.request_document, name="request_document"),
]
