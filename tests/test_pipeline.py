"""Stage contracts and the shape of `rasd.extract`: the pipeline refuses a stage order that breaks a
contract, every stage declares one, and no module of `extract/` imports another in a cycle."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from rasd.document import Article
from rasd.pipeline import STAGES, TEXT_LAYERS, StageOrderError, build_pipeline, check_order, extract, load_stage

EXTRACT = Path(__file__).resolve().parents[1] / "src" / "rasd" / "extract"


def test_every_stage_declares_what_it_needs_and_adds():
    for name in STAGES:
        spec = load_stage(name)
        assert spec.adds, name
        assert spec.needs, name


def test_the_default_order_meets_every_contract():
    check_order([load_stage(n) for n in STAGES])      # raises on a broken order


def test_a_stage_without_what_it_needs_is_refused():
    with pytest.raises(StageOrderError, match="'events' needs .*entities"):
        build_pipeline(["events"])
    with pytest.raises(StageOrderError):
        extract(Article(id="a", text="قتل ثلاثة مدنيين في قصف على مدينة إدلب أمس."), stages=["places", "entities"])


def test_a_prefix_that_meets_its_contracts_runs():
    doc = extract(Article(id="a", text="التقى وزير الخارجية التركي حقان فيدان نظيره الإيراني في أنقرة."),
                  stages=["sources", "entities"])
    assert doc.entities and not doc.events


def test_layers_added_are_document_fields():
    from rasd.document import Document
    fields = set(Document.model_fields) | {"text"}
    for name in STAGES:
        assert load_stage(name).adds <= fields, name
    assert TEXT_LAYERS <= fields


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("rasd.extract."):
            out.add(node.module.split(".")[2])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[2] for a in node.names if a.name.startswith("rasd.extract.")}
    return out


def test_no_import_cycle_inside_extract():
    graph = {p.stem: _imports(p) for p in EXTRACT.glob("*.py")}
    for sub in EXTRACT.iterdir():
        if sub.is_dir() and (sub / "__init__.py").exists():
            graph[sub.name] = set().union(*(_imports(p) for p in sub.glob("*.py")))
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " → ".join(path + [nxt]))
            if nxt in graph and not state.get(nxt):
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if not state.get(node):
            visit(node, [node])


def test_the_first_article_settles_garbage_collection_once():
    """After an article, what was loaded is frozen and the first generation collects less often (issue 16)."""
    import gc

    import rasd.pipeline as pipeline
    extract(Article(id="gc", text="قال الرئيس في دمشق إن ثلاثة قتلوا."), stages=["sources"])
    assert pipeline._gc_settled
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] >= pipeline.GC_FIRST_THRESHOLD
