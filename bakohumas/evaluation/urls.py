from django.urls import path

from bakohumas.evaluation import views

app_name = "evaluation"

urlpatterns = [
    path("nasional/<str:period_code>/", views.national_page, name="national"),
    path("<str:region_code>/<str:period_code>/", views.evaluation_page, name="evaluation"),
    path("<str:region_code>/<str:period_code>/kelengkapan/", views.completeness_page, name="completeness"),
]
