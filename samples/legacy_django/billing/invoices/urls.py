from django.conf.urls import include, url

from billing.invoices import views

urlpatterns = [
    url(r'^$', views.InvoiceList.as_view(), name='list'),
    url(r'^(?P<number>[A-Z]{2}-\d+)/$', views.invoice_detail, name='detail'),
    url(r'^(?P<number>[A-Z]{2}-\d+)/lines/', include('billing.invoices.lines.urls', namespace='lines')),
]
