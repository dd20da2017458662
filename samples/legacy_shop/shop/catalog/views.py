# -*- coding: utf-8 -*-
from flask import abort, current_app, jsonify, redirect, render_template, request, url_for

from shop.catalog.blueprint import catalog_bp
from shop.models import Category, Product
from shop.utils import parse_page
from shop.utils.text import truncate
from queries import (category_by_path, featured_products, product_page,
                     products_below, search_products)


@catalog_bp.errorhandler(404)
def product_not_found(e):
    return render_template('catalog/not_found.html'), 404


@catalog_bp.route('/products/')
@catalog_bp.route('/products/page/<int:page>')
def list_products(page=1):
    per_page = current_app.config['PAGE_SIZE']
    result = product_page(page, per_page, sort=request.args.get('sort', 'newest'))
    if page > 1 and not result['items']:
        abort(404)
    return render_template('catalog/list.html', **result)


@catalog_bp.route('/products/<int:product_id>')
def product_detail(product_id):
    product = Product.query.get_or_404(product_id)
    if not product.is_published:
        abort(404)
    return render_template('catalog/detail.html', product=product,
                           teaser=truncate(product.description))


@catalog_bp.route('/p/<slug>')
def product_by_slug(slug):
    product = Product.query.filter_by(slug=slug).first_or_404()
    return redirect(url_for('catalog.product_detail', product_id=product.id), code=301)


@catalog_bp.route('/featured', endpoint='featured')
def featured_products_view():
    products = featured_products(limit=int(request.args.get('limit', 8)))
    return jsonify(products=[{'id': p.id, 'name': p.name, 'price_cents': p.price_cents}
                             for p in products])


@catalog_bp.route('/categories/')
def list_categories():
    roots = Category.query.filter_by(parent_id=None).order_by(Category.name).all()
    return render_template('catalog/categories.html', categories=roots)


@catalog_bp.route('/categories/<path:category_path>')
def browse_category(category_path):
    category = category_by_path(category_path)
    if category is None:
        abort(404)
    page = parse_page(request.args.get('page'))
    products = category.products.filter_by(is_published=True)
    return render_template('catalog/category.html', category=category,
                           products=products.offset((page - 1) * 24).limit(24).all())


@catalog_bp.route('/search', methods=['GET'])
def search():
    term = request.args.get('q', u'').strip()
    try:
        page = int(request.args.get('page', 1))
    except ValueError, e:
        current_app.logger.info('bad page parameter: %s', e)
        page = 1
    if len(term) < 2:
        return render_template('catalog/search.html', term=term, items=[], total=0)
    result = search_products(term, page, current_app.config['PAGE_SIZE'])
    if request.args.get('format') == 'json':
        return jsonify(total=result['total'],
                       items=[{'id': p.id, 'name': p.name} for p in result['items']])
    return render_template('catalog/search.html', term=term, **result)


@catalog_bp.route('/under/<float:max_price>')
def products_under(max_price):
    products = products_below(int(round(max_price * 100)))
    return render_template('catalog/list.html', items=products, page=1, pages=1,
                           total=len(products), max_price=max_price)
