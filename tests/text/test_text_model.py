from __future__ import annotations

from pathlib import Path

import pytest

from klantstem.errors import ImportFileError, UserInputError
from klantstem.text.evaluation import evaluate
from klantstem.text.labelled import LabelledText, read_labelled_csv
from klantstem.text.model import Settings, TextModel
from klantstem.text.pipeline import Pipeline

LABELLED = Path(__file__).parents[1] / "data" / "text" / "labelled.csv"


@pytest.fixture(scope="module")
def examples() -> list[LabelledText]:
    return read_labelled_csv(LABELLED)


@pytest.fixture(scope="module")
def model(examples: list[LabelledText]) -> TextModel:
    return TextModel.train(examples, Settings(seed=0))


def test_reading_the_labelled_csv(examples: list[LabelledText]) -> None:
    assert len(examples) == 48
    assert examples[0].labels == {"waiting_time": "bad", "reachability": "bad"}
    assert examples[0].overall_or_derived == "bad"
    assert any(not ex.labels for ex in examples)


def test_train_save_load_evaluate_round_trip(model: TextModel, examples: list[LabelledText], tmp_path: Path) -> None:
    model.save(tmp_path / "m")
    loaded = TextModel.load(tmp_path / "m")
    assert loaded.version == model.version
    first = evaluate(model, examples)
    again = evaluate(loaded, examples)
    assert first == again
    assert first["model"] == model.version
    # a model fitted on these texts must recall them far better than chance
    assert first["facets"]["micro_f1"] > 0.6
    assert first["appraisal_given_facets"]["accuracy"] > 0.6
    matrix = first["overall_appraisal"]["confusion"]
    assert sum(map(sum, matrix)) == sum(1 for ex in examples if ex.overall_or_derived is not None)


def test_same_data_and_seed_give_the_same_version(examples: list[LabelledText], model: TextModel) -> None:
    assert TextModel.train(examples[:20], Settings(seed=0)).version != model.version
    assert TextModel.train(examples[:20], Settings(seed=0)).version == TextModel.train(examples[:20]).version


def test_annotations_record_the_model_version(model: TextModel) -> None:
    analysis = Pipeline(model=model).analyse("Ik stond een uur in de wacht en niemand nam op.")
    assert analysis.versions["model"] == model.version
    learned = [f for f in analysis.facets if f.source == "model"]
    assert learned and all(f.confidence is not None for f in learned)
    assert {f.facet for f in learned} & {"waiting_time", "reachability"}


def test_a_correction_in_the_app_is_a_training_example(examples: list[LabelledText]) -> None:
    corrected = LabelledText("De bezorger gooide het pakket over het hek.", {"product_quality": "bad"})
    model = TextModel.train([*examples, corrected])
    assert model.state["examples"] == len(examples) + 1


def test_training_without_labels_is_a_user_error() -> None:
    with pytest.raises(UserInputError):
        TextModel.train([LabelledText("a"), LabelledText("b")])


@pytest.mark.parametrize(
    ("content", "line", "field"),
    [
        ("tekst,labels\nhallo,price=bad\n", 1, "text"),
        ("text,labels\nhallo,price=bad\nhoi,price=terrible\n", 3, "labels"),
        ("text,labels\nhallo,price\n", 2, "labels"),
        ("text,labels,appraisal\nhallo,price=bad,awful\n", 2, "appraisal"),
    ],
)
def test_bad_labelled_csv_names_line_and_field(tmp_path: Path, content: str, line: int, field: str) -> None:
    path = tmp_path / "labels.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_labelled_csv(path)
    assert (caught.value.line, caught.value.field) == (line, field)


def test_loading_a_missing_model_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserInputError):
        TextModel.load(tmp_path)


def test_a_save_that_fails_halfway_leaves_the_model_before_it(
    model: TextModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import joblib

    model.save(tmp_path / "m")
    before = (tmp_path / "m" / "model.joblib").read_bytes()

    def disk_full(state: object, filename: Path, compress: int) -> None:
        Path(filename).write_bytes(before[: len(before) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(joblib, "dump", disk_full)
    newer = TextModel({**model.state, "version": "m7-newer"})
    with pytest.raises(OSError):
        newer.save(tmp_path / "m")
    assert (tmp_path / "m" / "model.joblib").read_bytes() == before
    assert TextModel.load(tmp_path / "m").version == model.version
    assert sorted(p.name for p in (tmp_path / "m").iterdir()) == ["model.joblib", "model.json"]


def test_a_model_of_an_older_format_asks_to_be_trained_again(model: TextModel, tmp_path: Path) -> None:
    older = TextModel({**model.state, "format": model.state["format"] - 1})
    older.save(tmp_path / "old")
    with pytest.raises(UserInputError, match="older klantstem"):
        TextModel.load(tmp_path / "old")
    (tmp_path / "foreign").mkdir()
    import joblib

    joblib.dump(["not", "a", "model"], tmp_path / "foreign" / "model.joblib")
    with pytest.raises(UserInputError, match="not a klantstem text model"):
        TextModel.load(tmp_path / "foreign")


BAD_INPUT = {
    "empty": "",
    "only emoji": "😡😡🙄",
    "html": "<p>Slechte&nbsp;service, <b>niemand</b> belde terug</p><script>alert(1)</script>",
    "quoted e-mail": "Nog steeds niets gehoord!\n\nOp 3 mei 2024 schreef Klantenservice <ks@x.nl>:\n> wij bellen u",
    "1 MB": ("Ik heb 47 minuten in de wacht gestaan en niemand belde terug. " * 17_000)[:1_000_000],
    "mixed nl/en": "The service was terrible, ik heb drie kwartier in de wacht gestaan and nobody called back.",
    "mojibake": "Ik ben echt geÃ¯rriteerd, voor de derde keer â€“ niemand belt terug",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
def test_a_trained_model_handles_bad_input(model: TextModel, name: str) -> None:
    raw = BAD_INPUT[name]
    analysis = Pipeline(model=model).analyse(raw)
    assert analysis.versions["model"] == model.version
    assert analysis.appraisal.level in ("bad", "normal", "excellent")
    for facet in analysis.facets:
        assert facet.appraisal.level in ("bad", "normal", "excellent")
    assert "<" not in "".join(s.span.text for s in analysis.sentences)
    analysis.to_dict()
    if name in ("empty", "only emoji"):
        assert not [f for f in analysis.facets if f.source == "rules"]
    if name in ("1 MB", "mojibake", "html"):
        assert analysis.appraisal.level == "bad"
    if name == "quoted e-mail":
        assert not any("bellen u" in s.span.text for s in analysis.sentences)
    if name == "mojibake":
        assert any("geïrriteerd" in s.span.text for s in analysis.sentences)


def test_training_on_bad_input_works(examples: list[LabelledText]) -> None:
    noisy = [LabelledText(raw, {"waiting_time": "bad"} if "wacht" in raw else {}) for raw in BAD_INPUT.values()]
    trained = TextModel.train([*examples[:20], *noisy], Settings(seed=0))
    predictions = trained.predict([""], list(Pipeline().analyse_many([""])))
    assert len(predictions) == 1
