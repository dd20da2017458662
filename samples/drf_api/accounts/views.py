from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Account


class AccountViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = Account.objects.all()

    @action(detail=True, methods=['post', 'delete'], url_path='deactivate')
    def deactivate(self, request, pk=None):
        return Response(status=204)


class TokenView(APIView):
    def get(self, request, token):
        return Response({'token': str(token)})

    def delete(self, request, token):
        return Response(status=204)
