from django.http import HttpResponse
from django.views.generic import View


class LineView(View):
    def get(self, request, number, line=None):
        return HttpResponse('%s/%s' % (number, line))

    def post(self, request, number):
        return HttpResponse(status=201)

    def delete(self, request, number, line):
        return HttpResponse(status=204)
