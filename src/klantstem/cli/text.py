"""`klantstem text ...`: train and evaluate a text model, analyse stories into JSON Lines, read the database's
stories again with the configured model."""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from klantstem.cli.common import DbOption, FormatOption, OutputFormat, console, engine_for, print_json, settings_for
from klantstem.errors import ImportFileError

if TYPE_CHECKING:
    from klantstem.text.service import LabelledText, Pipeline

app = typer.Typer(
    help="Dutch and English text analysis: appraisal, facets, facts; train on labels.", no_args_is_help=True
)

ModelDir = Annotated[Path, typer.Option("--model", help="Directory of a model made by `klantstem text train`.")]


@app.command("train")
def train(
    file: Annotated[
        Path, typer.Argument(help="CSV with columns text, labels (FACET=appraisal;...) and optionally appraisal.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Directory to write the model to.")],
    seed: Annotated[int, typer.Option(help="Random seed; the same data and seed give the same model.")] = 0,
    embed: Annotated[
        bool, typer.Option("--embed", help="Add sentence embeddings (needs the \\[embed] extra).")
    ] = False,
    embedder: Annotated[
        str, typer.Option(help="Embedding backend with --embed: e5 (multilingual-e5-small) or use (USE v3).")
    ] = "e5",
    taxonomy: Annotated[
        Path | None, typer.Option("--taxonomy", help="JSON taxonomy whose cue rules the model learns from.")
    ] = None,
) -> None:
    """Train a facet and appraisal model from labelled texts."""
    from klantstem.text.service import ModelSettings as Settings
    from klantstem.text.service import TextModel, load_taxonomy, read_labelled_csv

    examples = read_labelled_csv(file)
    settings = Settings(seed=seed, embed=embed, embedder=embedder)
    rules = load_taxonomy(taxonomy)
    for note in _unknown_facets(examples, rules.ids):
        typer.echo(note, err=True)
    model = TextModel.train(examples, settings, rules)
    model.save(out)
    typer.echo(f"model {model.version}: {len(examples)} texts, {len(model.labels)} facets -> {out}")


def _unknown_facets(examples: Iterable[LabelledText], known: Sequence[str]) -> list[str]:
    """A note per label that is no facet of the taxonomy: it is learned as a facet of its own, which is what a
    taxonomy of one's own wants, and a typing error does not."""
    counts = Counter(facet for ex in examples for facet in ex.labels if facet not in known)
    notes = []
    for facet, n in sorted(counts.items()):
        close = difflib.get_close_matches(facet, known, n=1, cutoff=0.75)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        texts = f"{n} text" if n == 1 else f"{n} texts"
        notes.append(f"note: {facet!r} ({texts}) is not a facet of the taxonomy and is learned as a new one{hint}")
    return notes


@app.command("evaluate")
def evaluate(
    file: Annotated[Path, typer.Argument(help="Labelled CSV, same columns as for train.")],
    model: ModelDir,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Facet micro F1, appraisal accuracy per facet given the true facets, overall accuracy, confusion."""
    from klantstem.text.service import TextModel, read_labelled_csv
    from klantstem.text.service import evaluate as run_evaluation

    result = run_evaluation(TextModel.load(model), read_labelled_csv(file))
    if output is OutputFormat.json:
        print_json(result)
        return
    facets, given, overall = result["facets"], result["appraisal_given_facets"], result["overall_appraisal"]
    console.print(f"model {result['model']} on {result['examples']} texts")
    console.print(
        f"facets: micro F1 {facets['micro_f1']:.3f} (precision {facets['precision']:.3f}, "
        f"recall {facets['recall']:.3f})"
    )
    console.print(f"appraisal given the true facets: accuracy {given['accuracy']}")
    for facet, stats in given["per_facet"].items():
        console.print(f"  {facet}: {stats['accuracy']:.3f} (n={stats['n']})")
    console.print(f"overall appraisal: accuracy {overall['accuracy']}")
    console.print("confusion (rows true, columns predicted: bad, normal, excellent):")
    for level, row in zip(overall["labels"], overall["confusion"], strict=True):
        console.print(f"  {level:>9}: {row}")


@app.command("reanalyse")
def reanalyse(db: DbOption = None) -> None:
    """Label the database's stories again with the model KLANTSTEM_TEXT_MODEL names (empty: the rules), as the
    app will label new ones; only stories another reader labelled are read, and labels a person set are kept."""
    from klantstem.clock import SystemClock
    from klantstem.insights import service as insights

    insights.use_text_model(settings_for(db).text_model)
    done = insights.reanalyse_stories(engine_for(db), SystemClock())
    typer.echo(f"{done} stories labelled again with {insights.text_reader_version()}")


@app.command("analyze")
def analyze(
    file: Annotated[str, typer.Argument(help="Text (one story per line), JSON Lines or CSV file; - for stdin.")],
    model: Annotated[Path | None, typer.Option("--model", help="Add a trained model's facets.")] = None,
    taxonomy: Annotated[
        Path | None, typer.Option("--taxonomy", help="JSON taxonomy instead of the default (or the model's).")
    ] = None,
    lemmas: Annotated[bool, typer.Option("--lemmas", help="Include the lemmas of every token.")] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes that analyse side by side; the output keeps the order.")
    ] = 1,
) -> None:
    """Analyse stories and write one JSON object per story (JSON Lines) to stdout."""
    from klantstem.text.service import decoded_lines, iter_stories, load_taxonomy, pipeline_for

    chosen = load_taxonomy(taxonomy) if taxonomy is not None else None
    pipeline = pipeline_for(chosen, model, lemmas)  # a bad model or taxonomy is refused before a story is read
    if file == "-":
        _write(pipeline, iter_stories(decoded_lines(sys.stdin.buffer, "<stdin>"), "<stdin>"), workers, model)
        return
    path = Path(file)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ImportFileError(file, f"cannot read the file: {exc.strerror or exc}") from None
    with handle:
        _write(pipeline, iter_stories(decoded_lines(handle, file), file), workers, model)


def _write(pipeline: Pipeline, stories: Iterable[tuple[Any, str, str]], workers: int, model: Path | None) -> None:
    from klantstem.text.service import json_lines, json_lines_parallel

    if workers == 1:
        blocks = json_lines(pipeline, stories)
    else:
        blocks = json_lines_parallel(stories, workers, pipeline.taxonomy, model, pipeline.include_lemmas)
    sys.stdout.flush()
    out = sys.stdout.buffer  # the lines are UTF-8 already
    for block in blocks:
        out.write(block)
        out.flush()
