// /ket-qua: search and filters over the petitions the page lists (issue 33), in the reader's browser: the laptop
// serves the page once per change and does no work per search. Each select offers the values the page holds.
(function () {
    const form = document.querySelector('.results-filters');
    if (!form) return;
    const items = Array.from(document.querySelectorAll('article.results-petition'));
    const selects = Array.from(form.querySelectorAll('select[data-filter]'));
    const search = form.querySelector('#results-q');
    const count = form.querySelector('[data-testid=results-count]');
    const fold = s => (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    for (const select of selects) {
        const key = select.dataset.filter;
        const values = [...new Set(items.map(i => i.dataset[key]).filter(v => v))].sort((a, b) => key === 'year' ? b - a : a.localeCompare(b, 'vi'));
        for (const v of values) select.add(new Option(v, v));
    }
    const text = items.map(i => fold(i.textContent));
    function apply() {
        const words = fold(search.value).split(/\s+/).filter(w => w);
        let shown = 0;
        items.forEach((item, n) => {
            const ok = selects.every(s => !s.value || item.dataset[s.dataset.filter] === s.value) && words.every(w => text[n].includes(w));
            item.hidden = !ok;
            if (ok) shown++;
        });
        for (const section of document.querySelectorAll('section[data-testid=results-dialogue]'))
            section.hidden = section.querySelector('article.results-petition') !== null && !section.querySelector('article.results-petition:not([hidden])');
        count.textContent = count.dataset.template.replace('{0}', shown).replace('{1}', items.length);
    }
    form.addEventListener('submit', e => e.preventDefault());
    form.addEventListener('input', apply);
    form.addEventListener('change', apply);
    form.hidden = false;
    apply();
})();
