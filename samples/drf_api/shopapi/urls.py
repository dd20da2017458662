from django.urls import include, path, re_path, register_converter
from rest_framework.routers import DefaultRouter, SimpleRouter

from accounts.views import AccountViewSet, TokenView
from catalog import views as catalog_views
from shopapi.converters import FourDigitYear

register_converter(FourDigitYear, 'yyyy')

router = DefaultRouter()
router.register(r'products', catalog_views.ProductViewSet)
router.register(r'categories', catalog_views.CategoryViewSet, basename='category')

internal = SimpleRouter(trailing_slash=False)
internal.register(r'accounts', AccountViewSet, basename='account')

report_patterns = ([
    path('sales/<yyyy:year>/', catalog_views.sales_report, name='sales'),
    path('stock/', catalog_views.StockReport.as_view(), name='stock'),
], 'reports')

urlpatterns = [
    path('api/', include(router.urls)),
    path('api/reports/', include(report_patterns, namespace='reports')),
    path('api/health', catalog_views.health, name='health'),
    path('api/reviews/', catalog_views.ReviewList.as_view(), name='review-list'),
    path('api/reviews/<int:pk>/', catalog_views.ReviewDetail.as_view(), name='review-detail'),
    path('api/tags/<slug:slug>/', catalog_views.tag_products, name='tag-products'),
    path('api/tokens/<uuid:token>/', TokenView.as_view(), name='token'),
    path('api/media/<path:rest>', catalog_views.media_proxy, name='media'),
    re_path(r'^api/legacy/(?P<sku>[A-Z0-9-]+)/$', catalog_views.legacy_sku, name='legacy-sku'),
]

urlpatterns += internal.urls
