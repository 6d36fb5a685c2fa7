# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench clean demo mutation dist smoke catalogues

$(STAMP): pyproject.toml
	@test -x $(PY) || { echo "Crisisbeeld: eerste keer; de onderdelen worden in $(VENV) geïnstalleerd (enkele minuten)…"; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --disable-pip-version-check --progress-bar on -e '.[test]'
	touch $(STAMP)

# the compiled translations (Qt .qm, gettext .mo) are built from their sources, not committed
CATALOGUES := resources/i18n/.built
$(CATALOGUES): $(STAMP) tools/catalogues.py $(wildcard i18n/*.ts) $(wildcard data/locale/*/LC_MESSAGES/*.po)
	$(PY) tools/catalogues.py
	@mkdir -p resources/i18n && touch $@

catalogues: $(CATALOGUES)

run: $(STAMP) $(CATALOGUES)
	$(PY) -m desktop run

test: $(STAMP) $(CATALOGUES)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# Mutation testing of the core rule modules (not part of `make test`; about half an hour on two
# cores). Configuration: [tool.mutmut] in pyproject.toml; results: docs/mutation.md.
$(VENV)/.mutation-stamp: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,mutation]'
	touch $@

mutation: $(VENV)/.mutation-stamp
	rm -rf mutants
	QT_QPA_PLATFORM=offscreen nice -n 15 $(VENV)/bin/mutmut run --max-children $(or $(MUTATION_JOBS),2)
	$(PY) tools/mutation_report.py --list

bench: $(STAMP)
	$(PY) bench/store.py

# The frozen application: a one-folder bundle in dist/crisisbeeld/ (PyInstaller, build.spec),
# then the smoke test runs it from outside like a user (tools/smoke_frozen.py).
$(VENV)/.dist-stamp: $(STAMP)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test,dist]'
	touch $@

dist: $(VENV)/.dist-stamp $(CATALOGUES)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec

smoke: dist
	$(PY) tools/smoke_frozen.py dist/crisisbeeld/crisisbeeld

clean:
	rm -rf $(VENV) build dist *.egg-info mutants
