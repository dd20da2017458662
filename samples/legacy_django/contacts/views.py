# -*- coding: utf-8 -*-
import csv

from django import forms
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import (CreateView, DeleteView, DetailView, FormView, ListView,
                                  RedirectView, TemplateView, UpdateView)

from contacts.models import Contact


def home(request):
    return HttpResponse('CRM')


def ping(request):
    return HttpResponse('pong')


def echo(request):
    return JsonResponse(dict(request.GET.items()))


@login_required
def export_csv(request):
    response = HttpResponse(content_type='text/csv')
    writer = csv.writer(response)
    for contact in Contact.objects.all():
        writer.writerow([contact.name.encode('utf-8'), contact.email])
    return response


@login_required
@require_POST
def merge(request, pk):
    try:
        other = int(request.POST['other'])
    except (KeyError, ValueError), e:
        print "merge failed:", e
        return HttpResponse(status=400)
    return HttpResponse('merged %s into %s' % (other, pk))


@require_http_methods(['GET', 'HEAD'])
def search(request):
    return JsonResponse({'q': request.GET.get('q', '')})


@csrf_exempt
@require_POST
def mailchimp_hook(request):
    return HttpResponse(status=204)


class AboutPage(TemplateView):
    template_name = 'about.html'


class LegacyRedirect(RedirectView):
    pattern_name = 'contacts:list'


class ContactList(ListView):
    model = Contact


class ContactDetail(DetailView):
    model = Contact
    http_method_names = ['get']


class ContactCreate(LoginRequiredMixin, CreateView):
    model = Contact
    fields = ['name', 'email']


class ContactUpdate(LoginRequiredMixin, UpdateView):
    model = Contact
    fields = ['name', 'email']


class ContactDelete(LoginRequiredMixin, DeleteView):
    model = Contact
    success_url = '/contacts/'


class ImportForm(forms.Form):
    upload = forms.FileField()


class ImportContacts(FormView):
    form_class = ImportForm
    template_name = 'import.html'
