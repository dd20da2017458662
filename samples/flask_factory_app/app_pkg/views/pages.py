"""Public pages on the ``site`` blueprint."""
from flask import g, render_template_string, request

from app_pkg.blueprints import site
from app_pkg.constants import DEFAULT_PAGE_SIZE

PAGE_TEMPLATE = '<h1>{{ title }}</h1><p>page {{ page }} of {{ size }}</p>'


@site.url_value_preprocessor
def remember_page(endpoint, values):
    # Only peeks at the value; the view still receives it.
    if values and 'page' in values:
        g.page_number = values['page']


@site.context_processor
def page_helpers():
    return {'page_size': DEFAULT_PAGE_SIZE}


@site.route('/pages/', defaults={'page': 1})
@site.route('/pages/<int:page>')
@site.route('/p/<int:page>', endpoint='short_pages', strict_slashes=False)
def list_pages(page):
    return render_template_string(PAGE_TEMPLATE, title='Pages', page=page,
                                  size=DEFAULT_PAGE_SIZE)


@site.route('/about', methods=['GET', 'HEAD'])
def about():
    return 'About this shop'


@site.route('/contact', methods=['GET', 'POST', 'OPTIONS'])
def contact():
    if request.method == 'OPTIONS':
        return '', 204, {'Allow': 'GET, POST, OPTIONS'}
    if request.method == 'POST':
        return {'received': request.form.get('message', '')}, 201
    return 'Write to us'


@site.route('/articles/<slug:name>')
def article(name):
    return f'Article {name}'


@site.route('/downloads/<path:filename>')
def download(filename):
    return {'file': filename}


@site.route('/under/<float:max_price>')
def cheaper_than(max_price):
    return {'max_price': max_price}
