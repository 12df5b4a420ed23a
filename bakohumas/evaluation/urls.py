from django.urls import path

from bakohumas.evaluation import views, views_documents

app_name = "evaluation"

urlpatterns = [
    path("nasional/<str:period_code>/", views.national_page, name="national"),
    path("<str:region_code>/<str:period_code>/", views.evaluation_page, name="evaluation"),
    path("<str:region_code>/<str:period_code>/kelengkapan/", views.completeness_page, name="completeness"),
    path("<str:region_code>/<str:period_code>/unduh/", views_documents.request_document, name="request_document"),
]
