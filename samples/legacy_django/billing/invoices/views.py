from django.http import HttpResponse
from django.views.generic import View


class InvoiceList(View):
    def get(self, request):
        return HttpResponse('invoices')

    def post(self, request):
        return HttpResponse(status=201)


def invoice_detail(request, number):
    return HttpResponse(number)
