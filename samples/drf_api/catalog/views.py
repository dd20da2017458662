from django.http import HttpResponse
from rest_framework import generics, mixins, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.models import Category, Product, Review
from catalog.serializers import CategorySerializer, ProductSerializer, ReviewSerializer


class ProductViewSet(viewsets.ModelViewSet):
    queryset = Product.objects.all()
    serializer_class = ProductSerializer

    @action(detail=True, methods=['post'], url_path='set-price', url_name='set_price')
    def set_price(self, request, pk=None):
        return Response({'ok': True})

    @action(detail=False)
    def featured(self, request):
        return Response([])


class CategoryViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Category.objects.all()
    serializer_class = CategorySerializer
    lookup_field = 'slug'


class ReviewList(generics.ListCreateAPIView):
    queryset = Review.objects.all()
    serializer_class = ReviewSerializer


class ReviewDetail(generics.RetrieveUpdateDestroyAPIView):
    queryset = Review.objects.all()
    serializer_class = ReviewSerializer


class StockReport(APIView):
    def get(self, request):
        return Response({'in_stock': Product.objects.count()})


@api_view(['GET', 'POST'])
def tag_products(request, slug):
    return Response({'tag': slug})


@api_view()
def sales_report(request, year):
    return Response({'year': year})


@api_view(['GET'])
def health(request):
    return Response({'status': 'ok'})


def media_proxy(request, rest):
    return HttpResponse(rest)


def legacy_sku(request, sku):
    return HttpResponse(sku)
