from django.conf.urls import url

from billing.invoices.lines.views import LineView

urlpatterns = [
    url(r'^$', LineView.as_view(), name='list'),
    url(r'^(?P<line>\d+)/$', LineView.as_view(http_method_names=['get', 'delete']), name='detail'),
]
