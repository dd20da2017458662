from django.conf.urls import include, url

from billing import views

urlpatterns = [
    url(r'^$', views.dashboard, name='dashboard'),
    url(r'^invoices/', include('billing.invoices.urls', namespace='invoices')),
]
