from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
@permission_required('billing.view_invoice')
def dashboard(request):
    return HttpResponse('billing')
