"""Each class of weak or wrong card found on real vaults, on a small note of our own: the rule, not the example."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from flashgen.build.pipeline import build
from flashgen.cards import extract_cards, note_cards
from flashgen.cards.cloze import deletions, to_anki_cloze
from flashgen.config import Config, load_config
from flashgen.kube.commands import lint_commands
from flashgen.kube.lint import lint_note
from flashgen.render.html import render_cloze, render_markdown
from flashgen.vault.parse import parse_note, parse_vault
from tests.conftest import png_bytes, write_note

CONFIG = Config(vault_name="v", deck="v")


def cards_of(text: str, path: str = "n.md", config: Config = CONFIG):
    return note_cards(parse_note(path, text), config)


def linted_cards_of(text: str):
    """The cards of a note as a build makes them: with what the manifest lint and the command check find in it."""
    note = parse_note("n.md", text)
    return note_cards(note, CONFIG, problems=lint_note(note) + lint_commands(note))


def sides(cards) -> list[tuple[str, str, str]]:
    return [(c.rule, c.front, c.back) for c in cards]


# --- cards written on purpose ---------------------------------------------------------------------------------

def test_a_question_answered_by_a_command_keeps_the_code() -> None:
    text = "# kubectl\nHow do I list pods?\n?\nRun this:\n```bash\nkubectl get pods -A\n```\n\nNext paragraph.\n"
    card = next(c for c in cards_of(text) if c.rule == "multiline")
    assert card.front == "How do I list pods?"
    assert card.back == "Run this:\n```bash\nkubectl get pods -A\n```"
    html = render_markdown(card.back)
    assert '<pre class="code highlight" data-lang="bash">' in html and '<span class="w">' in html  # highlighted


def test_an_answer_that_is_only_a_code_block_with_blank_lines_inside() -> None:
    text = "What does a minimal Pod look like?\n??\n```yaml\napiVersion: v1\n\nkind: Pod\n```\n"
    [card] = [c for c in cards_of(text) if c.rule == "multiline"]
    assert card.kind == "reversed" and card.back == "```yaml\napiVersion: v1\n\nkind: Pod\n```"


def test_a_marker_inside_a_code_block_is_code() -> None:
    text = "Shell quiz\n```\n?\n```\n"
    assert not [c for c in cards_of(text) if c.rule == "multiline"]


def test_a_question_under_its_heading_asks_the_heading() -> None:
    cards = cards_of("# Pods\n## What restarts a failed container?\n?\nThe kubelet, by restartPolicy.\n")
    assert ("multiline", "What restarts a failed container?", "The kubelet, by restartPolicy.") in sides(cards)


def test_an_image_that_exists_is_a_side(tmp_path: Path) -> None:
    (tmp_path / "diagram.png").write_bytes(png_bytes((1, 2, 3)))
    write_note(tmp_path, "n.md", "# 구조\nControl plane::![[diagram.png]]\nWorker::![[gone.png]]\n\n"
                                 "- 다이어그램 - ![[diagram.png]]\n- 없는 그림 - ![[gone.png]]\n")
    got = sides(extract_cards(parse_vault(tmp_path)))
    assert ("explicit", "Control plane", "![[diagram.png]]") in got
    assert ("definition", "다이어그램", "![[diagram.png]]") in got
    assert not [s for s in got if "gone.png" in s[2]]  # only a side that is nothing but a missing image is junk


@pytest.mark.parametrize("text, front, deck", [
    ("#flashcards/k8s/pods What runs containers?::the kubelet\n", "What runs containers?", ("v", "k8s", "pods")),
    ("#flashcards What runs containers?::the kubelet\n", "What runs containers?", ("v", "n")),
    ("#flashcards/net\nWhat does kube-proxy program?\n?\niptables rules\n", "What does kube-proxy program?", ("v", "net")),
    ("#Flashcards//Net/ Q::A\n", "Q", ("v", "Net")),
    ("#kubernetes What is etcd?::a key-value store\n", "#kubernetes What is etcd?", ("v", "n")),
])
def test_a_leading_flashcards_tag_chooses_the_deck_and_leaves_the_question(text: str, front: str, deck) -> None:
    [card] = [c for c in cards_of(text) if c.rule in ("explicit", "multiline")]
    assert card.front == front and card.deck == deck


def test_flashcards_tags_in_the_text_and_frontmatter_apply_to_the_cards_after_them() -> None:
    text = ("---\ntags: [flashcards/aws]\n---\nQ1::A1\n\n#flashcards/k8s\n\nQ2::A2\n#flashcards/exam Q3::A3\nQ4::A4\n\n"
            "- etcd - a key-value store\n")
    decks = {c.front: c.deck for c in cards_of(text)}
    assert decks == {"Q1": ("v", "aws"), "Q2": ("v", "k8s"), "Q3": ("v", "exam"), "Q4": ("v", "k8s"),
                     "etcd": ("v", "k8s")}
    later = {c.front: c.deck for c in cards_of("Q1::A1\n\n#flashcards/later\n")}
    assert later == {"Q1": ("v", "later")}  # the note's first flashcards tag, even after the card


def test_flashcard_tags_are_a_setting(tmp_path: Path) -> None:
    (tmp_path / "flashgen.toml").write_text('[cards]\nflashcard_tags = ["#srs"]\n', encoding="utf-8")
    config, problems = load_config(tmp_path / "vault")
    assert not problems and config.flashcard_tags == ("srs",)
    [card] = cards_of("#srs/net Q::A\n", config=replace(config, deck="v"))
    assert card.front == "Q" and card.deck == ("v", "net")


@pytest.mark.parametrize("text", ["a ==b\nc== d", "a {{b\nc}} d", "**x\ny**"])
def test_a_cloze_never_spans_a_line_break(text: str) -> None:
    config = replace(CONFIG, clozes=frozenset({"highlight", "curly", "bold"}))
    assert not [c for c in cards_of(f"# A\n{text}\n", config=config) if c.kind == "cloze"]


def test_clozes_of_several_lines_in_one_paragraph() -> None:
    [card] = [c for c in cards_of("# A\nline one ==x==\nline two {{y}}\n") if c.kind == "cloze"]
    assert card.front == "line one {{c1::x}}\nline two {{c2::y}}"


def test_cloze_syntaxes_hints_and_group_numbers() -> None:
    assert to_anki_cloze("a ==2;;b;;hint== c ==d==")[0] == "a {{c2::b::hint}} c {{c3::d}}"
    assert to_anki_cloze("**b**")[1] == 0
    assert to_anki_cloze("**b**", frozenset({"bold"}))[0] == "{{c1::b}}"
    assert to_anki_cloze("`==x==` and ==y==")[0] == "`==x==` and {{c1::y}}"  # code is literal


def test_a_long_glossary_list_gives_a_cloze_card_per_item() -> None:
    items = "\n".join(f"- =={i}번 용어== - 설명 {i}" for i in range(8))
    clozes = [c for c in cards_of(f"# 용어집\n{items}\n") if c.kind == "cloze"]
    assert [c.front for c in clozes] == [f"- {{{{c1::{i}번 용어}}}} - 설명 {i}" for i in range(8)]
    short = [c for c in cards_of("# A\n- ==a== 1\n- ==b== 2\n") if c.kind == "cloze"]
    assert len(short) == 1 and short[0].front.count("{{c") == 2  # a short list stays one card


# --- cards from plain notes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "- [Kubernetes Docs - Ingress](https://kubernetes.io/docs/concepts/services-networking/ingress/)",
    "- **kube-proxy - the network** helper is everywhere",
    "- `kubectl get - pods` 는 틀린 명령",
    "- `a: b` 설정 값",
    "- [[Pod - 파드]] 참고",
    "- ==a - b== 는 강조",
])
def test_no_separator_inside_links_emphasis_code_or_urls(line: str) -> None:
    assert not [c for c in cards_of(f"# A\n{line}\n") if c.rule in ("definition", "question")]


def test_a_question_mark_inside_emphasis_asks_nothing() -> None:
    text = "# Probe\n- **\"살아있는가?\"** 를 확인합니다.\n- readiness는 뭐다? 트래픽을 받을 준비가 되었는지 확인\n"
    assert [(c.front, c.back) for c in cards_of(text) if c.rule == "question"] == [
        ("readiness는 뭐다?", "트래픽을 받을 준비가 되었는지 확인")]


def test_a_question_mark_that_is_a_symbol_asks_nothing() -> None:
    """Java's wildcard (`? extends T`, `?는`) is no question mark: the sentence is not split at it."""
    text = ("# 제네릭\n* K extends T와 ? extends T는 비슷한 구조지만 차이점이 있다.\n"
            "  * 경계가 지정되고 K는 특정 타입으로 지정이 되지만, ?는 타입이 지정되지 않는다.\n"
            "* 와일드카드는 뭐다? 알 수 없는 타입\n")
    assert [(c.front, c.back) for c in cards_of(text) if c.rule == "question"] == [
        ("와일드카드는 뭐다?", "알 수 없는 타입")]


@pytest.mark.parametrize("line", [
    "- 작성일: 2024-11-15", "- created: 2024-01-02 10:41", "- 날짜 - 2024년 1월 3일", "- 출처: https://kubernetes.io",
    "- 공식 문서 - [Ingress](https://kubernetes.io/docs/)", "- Tags: #k8s #pod", "- 업데이트: 2024-11-15",
])
def test_no_cards_from_metadata_dates_urls_or_links(line: str) -> None:
    assert not [c for c in cards_of(f"# 메모\n{line}\n") if c.rule in ("definition", "term")]


def test_a_list_of_links_is_no_card() -> None:
    text = ("# 목록\n관련 문서:\n\n- [[Pod]] - 파드\n- [[Deployment]] - 디플로이먼트\n- [Service](https://k8s.io/svc)\n"
            "- https://kubernetes.io/docs/\n")
    assert cards_of(text) == []


def test_an_explanation_keeps_short_code() -> None:
    text = "# 배포\n롤아웃 상태는 이렇게 본다:\n```bash\nkubectl rollout status deploy/web\n```\n"
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.back == "롤아웃 상태는 이렇게 본다:\n\n```bash\nkubectl rollout status deploy/web\n```"


def test_an_explanation_is_cut_visibly_and_never_ends_on_a_lead_in() -> None:
    yaml = "\n".join(f"  key{i}: value{i}" for i in range(40))
    text = f"# 운영\n테스트에서는 기본값으로 충분하다.\n그래서 실제 운영 환경에서는:\n```yaml\nspec:\n{yaml}\n```\n"
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    shown, _, more = card.back.rpartition("\n\n")
    assert more == "[[n#운영|… 노트에서 계속]]"
    assert "key0: value0" in shown and "\n…\n```" in shown  # the code as far as it fits, cut visibly
    tight = replace(CONFIG, max_answer_lines=3)
    [card] = [c for c in cards_of(text, config=tight) if c.rule == "explain"]
    assert card.back == "테스트에서는 기본값으로 충분하다.\n\n[[n#운영|… 노트에서 계속]]"  # no dangling colon


@pytest.mark.parametrize("heading, shown", [("Example", ""), ("TIP.", "TIP."), ("📋 목차", ""), ("비유", "비유"),
                                            ("2. 예시", ""), ("Summary:", "Summary:")])
def test_a_generic_heading_takes_its_topic_or_gives_no_card(heading: str, shown: str) -> None:
    body = "디플로이먼트는 레플리카셋을 만들고 롤링 업데이트를 한다. 그 과정을 자세히 본다."
    cards = [c for c in cards_of(f"# Deployment\n## {heading}\n{body}\n", path="README.md") if c.rule == "explain"]
    if not shown:
        assert cards == []  # a table of contents is navigation; `Deployment › Example` does not say what it shows
    else:
        assert [c.front for c in cards] == [f"Deployment › {shown}"]
        assert cards[0].anchor == shown  # the card's identity is its heading, as before
    alone = [c for c in cards_of(f"## {heading}\n{body}\n", path="README.md") if c.rule == "explain"]
    assert alone == []  # nothing above it says what it is about


def test_a_date_heading_is_no_explanation() -> None:
    assert not [c for c in cards_of("# 로그\n## 2024-01-29\n오늘은 디플로이먼트 롤아웃을 실습했다. 꽤 오래 걸렸다.\n")
                if c.rule == "explain"]


def test_no_cards_from_diagram_source_or_drawings() -> None:
    text = "# 흐름\n```mermaid\ngraph TD\n  A[Client] --> B[Service]\n```\n"
    assert not [c for c in cards_of(text) if "graph TD" in c.back]
    drawing = ("---\nexcalidraw-plugin: parsed\n---\n# Text Elements\nPod ^a1B2c3D4\n\nService - entry ^x9Y8z7W6\n\n"
               "%%\n# Drawing\n```json\n{\"type\": \"excalidraw\"}\n```\n%%\n")
    assert cards_of(drawing, path="Drawing 2024.excalidraw.md") == []
    assert cards_of(drawing, path="d.md") == []


def test_a_manifest_card_hides_what_its_prompt_does_not_give_away() -> None:
    config_map = "# CM\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-config\ndata:\n  a: b\n```\n"
    assert not [c for c in cards_of(config_map) if c.rule == "manifest"]  # only `kind` to hide: no card
    pod = ("# 실습\nPod를 하나 만든다:\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n"
           "  containers:\n  - name: web\n    image: nginx\n```\n")
    # the keys under its spec are only the frame every Pod has (`containers`): no card
    assert not [c for c in cards_of(pod) if c.rule == "manifest"]
    with_policy = pod.replace("  containers:", "  restartPolicy: Never\n  containers:")
    [card] = [c for c in cards_of(with_policy) if c.rule == "manifest"]
    # (`containers` right under `spec` is a Pod's shape: its kind stays shown)
    assert "kind: Pod\n" in card.front and "{{c1::restartPolicy}}:" in card.front and "image: nginx" in card.front
    assert card.prompt.startswith("web — ")
    named = pod.replace("# 실습", "# Pod").replace("name: web", "name: nginx")  # the heading, the names say these
    assert not [c for c in cards_of(named) if c.rule == "manifest"]
    alone = pod.replace("Pod를 하나 만든다:\n", "")  # nothing says what it is about: only `kind` and an image to hide
    assert not [c for c in cards_of(alone) if c.rule == "manifest"]
    job = ("# Job\n```yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: backup\nspec:\n  template:\n    spec:\n"
           "      restartPolicy: Never\n      containers:\n      - name: b\n        image: busybox\n```\n")
    [card] = [c for c in cards_of(job) if c.rule == "manifest"]
    assert card.prompt == "backup — Recall the key fields" and "kind: Job" in card.front
    assert "{{c1::template}}:" in card.front and "restartPolicy: {{c2::Never}}" in card.front


def test_a_manifest_value_the_card_names_elsewhere_stays_shown() -> None:
    """The breadcrumb (`Service - LoadBalancer › 예시`) and the manifest's own shown lines (`app: nginx-web` under
    `metadata.labels`, a comment) give values away: hiding them asks nothing."""
    service = ("# Service - LoadBalancer\n## 예시\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-svc\n"
               "spec:\n  type: LoadBalancer\n  selector:\n    app: shop\n  ports:\n  - port: 80\n    targetPort: 8080\n```\n")
    [card] = [c for c in cards_of(service) if c.rule == "manifest"]
    assert "kind: Service" in card.front and "type: LoadBalancer" in card.front
    assert "{{c1::selector}}:" in card.front and "{{c1::ports}}:" in card.front  # the spec's keys, not its values
    assert "app: shop" in card.front and "port: 80" in card.front
    deployment = ("# 배포\nDeployment로 띄운다.\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: nginx-web\n  labels:\n"
                  "    app: nginx-web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: nginx-web\n"
                  "  template:\n    metadata:\n      labels:\n        app: nginx-web\n    spec:\n      containers:\n"
                  "      - name: nginx\n        image: nginx:1.27  # nginx:1.27 이미지\n```\n")
    [card] = [c for c in cards_of(deployment) if c.rule == "manifest"]
    assert "      app: nginx-web\n" in card.front and "        app: nginx-web\n" in card.front  # the labels say it
    assert "image: nginx:1.27" in card.front and "kind: {{c1::Deployment}}" in card.front
    assert "{{c2::replicas}}: 2" in card.front  # beside the spec's keys, its example values stay shown


@pytest.mark.parametrize("text, language, prompt", [
    ("# Service\nA Service gives pods one stable virtual IP and a DNS name inside the cluster.\n", "auto", "Explain"),
    ("# 서비스\n서비스는 파드 묶음에 하나의 가상 IP와 DNS 이름을 준다. kubectl expose로 만든다.\n", "auto", "설명해 보세요"),
    ("---\nlang: ko\n---\n# Service\nA Service gives pods one stable virtual IP.\n", "auto", "설명해 보세요"),
    ("# Service\nA Service gives pods one stable virtual IP and a DNS name.\n", "both", "설명해 보세요 · Explain"),
    ("# 서비스\n서비스는 파드 묶음에 하나의 가상 IP를 준다.\n", "en", "Explain"),
])
def test_prompts_speak_the_note_s_language(text: str, language: str, prompt: str) -> None:
    [card] = cards_of(text, config=replace(CONFIG, prompt_language=language))
    assert card.prompt == prompt


def test_an_entry_of_a_command_reference_is_asked_by_what_it_does() -> None:
    """`### `theme:uninstall`` ⏎ `Uninstall a theme.` in a CLI's reference: asked by name, the card has the learner
    recite what the name says; asked by what it does (with where it belongs, and a breadcrumb that stops above the
    entry), the name and its parameters are the answer. An entry whose description names it gives no card either
    way, and a heading in code outside a reference of commands or filters stays an explanation."""
    text = ("# Tool CLI\n## Themes\n### `theme:uninstall`\n\nUninstall a theme. Asks first.\n\n```bash\n"
            "name=<name>   # (required) theme name\n```\n\n### `version`\n\nShow the version.\n")
    [card] = cards_of(text, "Tool CLI.md")
    assert (card.rule, card.prompt, card.front) == ("command", "Which command?", "Tool CLI › Themes › Uninstall a theme.")
    assert card.back.startswith("`theme:uninstall`\n\nAsks first.\n\n```bash\nname=<name>")
    assert card.heading_path == ("Tool CLI", "Themes")
    [card] = cards_of(text.replace("# Tool CLI\n## Themes", "# Recipes\n## Soups"), "Recipes.md")
    assert (card.rule, card.front) == ("explain", "`theme:uninstall`")
    filters = "## Text\n### `upper`\n\nConverts a value to capitals, e.g. `\"a\"|upper` returns `\"A\"`.\n"
    [card] = cards_of(filters, "Filters.md")  # (an example that shows the name goes to the back)
    assert (card.prompt, card.front, card.back) == (
        "Which filter?", "Filters › Text › Converts a value to capitals.", '`upper`\n\ne.g. `"a"|upper` returns `"A"`.')
    sync = "# Headless Sync\n## Commands\n### `ob sync-status`\n\nShow sync status and configuration for a vault.\n"
    [card] = cards_of(sync, "Headless Sync.md")  # (a program's subcommand is a command's name too)
    assert (card.prompt, card.front, card.back) == (
        "Which command?", "Headless Sync › Show sync status and configuration for a vault.", "`ob sync-status`")


def test_breadcrumbs_show_headings_as_read_and_identities_stay() -> None:
    text = "# **어떻게 구현할까요?**\n## [[Properties]] 와 `kubectl`\n속성은 노트의 메타데이터이며 kubectl과 무관하다.\n"
    [card] = cards_of(text)
    assert card.heading_path == ("어떻게 구현할까요?", "Properties 와 kubectl")
    assert card.identity == "n.md#**어떻게 구현할까요?** > [[Properties]] 와 `kubectl`#explain:[[Properties]] 와 `kubectl`"


def test_a_card_that_shows_a_rejected_manifest_says_so_with_the_correction() -> None:
    text = ("# CronJob\n## 매니페스트\n```yaml\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n"
            "  schedule: \"0 3 * * *\"\n  JobTemplate:\n    spec:\n      template:\n        spec:\n"
            "          restartPolicy: OnFailure\n          containers:\n          - name: b\n            image: busybox\n```\n"
            "## 스케줄\n크론잡은 잡 템플릿 위에 스케줄을 더한다:\n```\nspec:\n  schedule: \"0 3 1 * *\"\n  JobTemplate:\n"
            "    spec: {}\n```\n")
    cards = linted_cards_of(text)
    assert {c.rule for c in cards} == {"explain"}  # the rejected manifest is no cloze to drill (below)
    for card in cards:
        assert card.back.startswith("> [!warning] ⚠️ Kubernetes가 거부하는 매니페스트\n"), card.rule
        assert '"jobTemplate"' in card.back
    assert not [c for c in cards if c.rule == "explain" and "matchLabels" in c.back]
    assert cards_of(text)[-1].back.startswith("크론잡은")  # without the lint, as written


def test_a_card_that_shows_a_command_kubectl_rejects_says_so_with_the_one_meant() -> None:
    """`kubectl desribe` in an exercise's answer: the card says kubectl rejects it and names `kubectl describe`;
    a block kubectl takes gives no warning."""
    text = ("# CKA\n## 1. ConfigMap\n### 문제\nConfigMap을 만들고 확인하시오.\n### 답안\n만들고 확인합니다.\n```bash\n"
            "kubectl create configmap web --from-literal=a=b -n ckad\nkubectl desribe configmap web -n ckad\n```\n")
    [card] = [c for c in linted_cards_of(text) if c.rule == "exercise"]
    assert card.back.startswith("> [!warning] ⚠️ kubectl이 거부하는 명령\n")
    assert 'did you mean "kubectl describe"?' in card.back
    [card] = [c for c in linted_cards_of(text.replace("desribe", "describe")) if c.rule == "exercise"]
    assert "[!warning]" not in card.back
    described = ("# RBAC\n## Managing Roles\n```bash\n# Create the role\nkubectl create role r --verb=get "
                 "--resource=pods\n# Switch to the new context\nkubectl use-context dev\n```\n")
    by_front = {c.front.split(" › ")[-1]: c.back for c in linted_cards_of(described)}
    assert "[!warning]" not in by_front["Create the role"]  # (a card per command: each warned of its own line)
    assert by_front["Switch to the new context"].startswith("> [!warning] ⚠️ kubectl rejects this command\n")


def test_an_exercise_that_answers_with_a_rejected_manifest_says_so() -> None:
    """The answer of `문제` is in the `답안` section beside it: the warning follows the manifest there."""
    text = ("# CKA\n## 1. 사이드카\n### 문제\n사이드카 컨테이너를 추가하시오.\n### 답안\n수정합니다.\n```yaml\napiVersion: v1\nkind: Pod\n"
            "metadata:\n  name: app\nspec:\n  containers:\n  - name: app\n    image: busybox\n    volumeMount:\n"
            "    - mountPath: /var/log\n      name: log\n```\n")
    [card] = [c for c in linted_cards_of(text) if c.rule == "exercise"]
    assert card.back.startswith("> [!warning] ⚠️ Kubernetes가 거부하는 매니페스트\n") and "volumeMount" in card.back


def test_a_secret_whose_data_is_not_base64_is_on_no_card_and_its_caption_goes_with_it() -> None:
    """A Secret with `username: YWRt=4f` and the Pod that reads it: Kubernetes rejects the block, so no card drills
    it nor shows it (26 of 30 such cards read in samples of real vaults were weak, warning or not); the line
    that only named it goes too, and the words of the section that say something stay an explanation."""
    text = ("# Secret\n## 환경 변수로 넘기기\n시크릿의 값은 base64로 적고 파드는 secretKeyRef로 읽는다.\n\n"
            "DB 계정 넘기기\n```yaml\napiVersion: v1\n"
            "kind: Secret\nmetadata:\n  name: db\ntype: Opaque\n"
            "data:\n  username: YWRt=4f\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n"
            "  restartPolicy: Never\n  containers:\n"
            "  - name: app\n    image: nginx\n    env:\n    - name: USER\n      valueFrom:\n        secretKeyRef:\n"
            "          name: db\n          key: username\n```\n")
    cards = linted_cards_of(text)
    assert not [c for c in cards if c.rule == "manifest"]
    [card] = [c for c in cards if c.rule == "explain"]
    assert card.back == "시크릿의 값은 base64로 적고 파드는 secretKeyRef로 읽는다."
    assert [c.rule for c in cards_of(text) if c.rule == "manifest"] == ["manifest"]  # without the lint


def test_a_task_that_gives_a_spec_and_changes_it_asks_for_the_changed_one() -> None:
    """`답안` shows the given spec, then the spec as the answer changes it (an init container added): the card is
    made of the second, and the given one gives none of its own."""
    given = ("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-pod\nspec:\n  containers:\n  - image: busybox\n"
             "    name: main\n    volumeMounts:\n    - name: workdir\n      mountPath: /workdir\n")
    volumes = "  volumes:\n  - name: workdir\n    emptyDir: {}\n"
    init = ("  initContainers:\n  - image: busybox\n    name: init\n    command: ['touch', '/workdir/data.txt']\n"
            "    volumeMounts:\n    - name: workdir\n      mountPath: /workdir\n")
    text = (f"# CKA\n## 14. Pod 운영\n### 문제\nweb-pod에 init 컨테이너를 추가하시오.\n### 답안\n주어진 yaml 파일을 확인합니다.\n"
            f"```yaml\n{given}{volumes}```\n\nyaml 파일을 수정합니다.\n```yaml\n{given}{init}{volumes}```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert card.line == text.split("\n").index("yaml 파일을 수정합니다.") + 2
    assert "{{c1::initContainers}}" in card.front


def test_an_explanation_does_not_show_a_manifest_that_has_its_own_card() -> None:
    text = ("# Job\n## 매니페스트\n잡 정의:\n```yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: b\nspec:\n"
            "  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: b\n        image: busybox\n```\n")
    assert [c.rule for c in cards_of(text)] == ["manifest"]


# --- notes that ended a build (issue 17) ----------------------------------------------------------------------

@pytest.mark.parametrize("line, front", [
    ("See [the ==official== docs](https://kubernetes.io).", "See [the {{c1::official}} docs](https://kubernetes.io)."),
    ("[==x==]", "[{{c1::x}}]"),
    ("==a ==b== c==", "{{c1::a ==b== c}}"),
])
def test_highlights_inside_links_and_highlights_build(tmp_path: Path, line: str, front: str) -> None:
    write_note(tmp_path / "vault", "n.md", f"# 노트\n{line}\n")
    result = build(tmp_path / "vault", tmp_path / "out")
    assert not result.errors and result.cards_by_rule["cloze"] == 1
    [card] = extract_cards(parse_vault(tmp_path / "vault"))
    assert card.front == front
    hidden = render_cloze(card.front, mode="front")
    assert "[...]" in hidden and "official" not in hidden and ">x<" not in hidden


def test_cloze_conversion_of_a_huge_glossary_is_whole() -> None:
    text = "\n".join(f"- =={i}== 뜻 {i} {{{{a{i}}}}} ==x" for i in range(20000))
    found = deletions(text)
    assert len(found) == 40000 and found[-1].inner == "a19999"


# --- weak cards found while reading samples of the public vaults -----------------------------------------------

def test_a_problem_and_its_answer_make_one_exercise_card() -> None:
    text = ("# CKA\n## 3. Static Pod\n### 문제\nnode01에 web이라는 static pod를 만드시오.\n### 답안\n```sh\n"
            "kubectl run web --image=nginx --dry-run=client -o yaml > /etc/kubernetes/manifests/web.yaml\n```\n")
    [card] = cards_of(text)
    assert (card.rule, card.front, card.prompt) == ("exercise", "node01에 web이라는 static pod를 만드시오.", "풀어 보세요")
    assert card.back.startswith("```sh\nkubectl run web") and card.heading_path == ("CKA", "3. Static Pod", "문제")


def test_an_exercise_shows_a_whole_solution_an_explanation_would_cut() -> None:
    """A solution of 18 lines: an explanation stops at 12, an exercise shows it all, the step that answers included."""
    steps = "\n".join(f"kubectl get pods -n ns{i}" for i in range(15)) + "\nkubectl rollout undo deployment/web"
    text = f"# CKA\n## 9. Rollback\n### 문제\nweb을 롤백하시오.\n### 답안\n```sh\n{steps}\n```\n"
    [card] = cards_of(text)
    assert card.rule == "exercise" and "rollout undo" in card.back and "계속" not in card.back
    assert not any("rollout undo" in c.back for c in cards_of(f"# CKA\n## 롤백\n```sh\n{steps}\n```\n"))


@pytest.mark.parametrize("text", [
    "# Bases\n## Functions\nSee the list of [[Functions|functions]] that can be used in formulas.\n",
    "# 파드\n## 더 보기\n자세한 내용은 [[Pod lifecycle]] 참고\n",
    "# Plugins\n- Canvas: see [[Canvas]]\n",
])
def test_a_pointer_to_elsewhere_is_no_card(text: str) -> None:
    assert cards_of(text) == []


@pytest.mark.parametrize("line, kept", [
    ("- 사용자 이름: `myuser` 입력", False), ("- 소스 디스크: web-server-boot 선택", False),
    ("- 서비스 계정: 드롭다운에서 원하는 서비스 계정 선택", False), ("- kube-scheduler - 파드를 실행할 노드 선택", True),
    ("- Confirm - Enter", True),
])
def test_a_step_in_a_form_is_no_definition(line: str, kept: bool) -> None:
    assert bool([c for c in cards_of(f"# 콘솔\n{line}\n") if c.rule == "definition"]) == kept


def test_an_answer_that_restates_its_term_or_heading_is_no_card() -> None:
    assert not [c for c in cards_of("# Widgets\nAvailable widgets include:\n\n- New Note - Create a new note\n")
                if c.rule == "definition"]
    assert not [c for c in cards_of("# Tools\n## 타임 존 확인 timedatectl\n```\ntimedatectl\n```\n") if c.rule == "explain"]
    assert not [c for c in cards_of("# CLI\n## Tags\nCommands for Tags.\n") if c.rule == "explain"]


def test_credits_references_and_pointers_to_docs_make_no_cards() -> None:
    text = ("# Credits\n## Third party acknowledgements\n### scrypt\nApache License 2.0 and more words here\n"
            "# 네트워크 정책\n## K8S 도큐먼트 사이트 참조\n검색 키워드: network policy\n")
    assert cards_of(text) == []


@pytest.mark.parametrize("heading, front", [
    ("방법1", "Pod Edit › 방법1"), ("기본 사용 (derive)", "Pod Edit › 기본 사용 (derive)"),
    ("실전 예시", "Pod Edit › 실전 예시"), ("Manifest File", "Pod Edit › Manifest File"), ("📦수정", "Pod Edit › 수정"),
    ("Example CRD", "Pod Edit › Example CRD"), ("예시 job정의 내용중 restartPolicy", "예시 job정의 내용중 restartPolicy"),
])
def test_generic_headings_of_every_shape_take_their_topic(heading: str, front: str) -> None:
    body = "kubectl edit pod 명령을 실행하면 vi 에디터에서 파드 사양이 열리고, 저장하면 임시 파일에 남는다."
    [card] = cards_of(f"# Pod Edit\n## {heading}\n{body}\n")
    assert card.front == front


def test_a_caption_of_a_diagram_and_generated_blocks_are_no_explanation() -> None:
    caption = "# Ingress 전체 흐름\nLoadBalancer Service + Ingress 라우팅 통합 구성도\n```mermaid\ngraph LR\n  A --> B\n```\n"
    assert cards_of(caption) == []
    generated = "# GCP 인프라 구축\n#gcp #network\n\n```table-of-contents\n```\n\n```sql\n\n```\n"
    assert cards_of(generated) == []


def test_lead_ins_never_end_a_question_a_label_or_a_list() -> None:
    text = ("# Help\nInterested in helping? Here is where we could use your assistance:\n\n- Docs\n- Translations\n\n"
            "## 구성\n앞 문단\n\n**백엔드 구성:**\n3. 백엔드 서비스 만들기 클릭\n4. **새 백엔드**:\n   - 인스턴스 그룹\n\n"
            "## Steps\nHow to sync with Git:\n\n1. **Set up a remote repository**:\n2. **Sync your vault**:\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule in ("question", "label") or c.rule == "list" and c.heading_path != ("Help",)]
    assert not [c for c in cards if c.back.rstrip("*").endswith(":")]


def test_study_days_versions_sketches_and_long_scripts_are_no_cards() -> None:
    text = ("# Day 5 - Health Check 설정 (01/01)\nHealth Check 간격 최적화 및 StatefulSet DNS 문제 해결\n\n"
            "# 환경\n- Python: 3.12-slim 기반\n- Kubernetes: v1.28\n\n"
            "# 아키텍처\n```\n┌────────┐\n│ Ingress │\n└───┬────┘\n    └──▶ Service\n```\n\n"
            "# 설치 스크립트\n```bash\n" + "\n".join(f"echo step {i}" for i in range(40)) + "\n```\n")
    assert cards_of(text) == []
    kept = cards_of("# 설치\n설치는 스크립트 하나로 끝난다. 스크립트는 다음과 같다:\n```bash\n" +
                    "\n".join(f"echo {i}" for i in range(40)) + "\n```\n")
    assert [c.rule for c in kept] == ["explain"] and "\n…\n```" in kept[0].back  # prose that leads into it first: a
    # cut script stays


def test_inventories_checklists_placeholders_and_settings_of_one_environment_are_no_cards() -> None:
    text = ("# 인프라\n## Load Balancer (web-alb · 8e3cf135a46f4687)\n설명 문장이 여기에 조금 있다.\n\n"
            "## 서버 목록\n| 항목 | 값 |\n|---|---|\n| GitLab | 172.100.100.8 |\n| K8s API | 172.100.100.12:6443 |\n\n"
            "## 일정\n| 단계 | 작업 | 상태 |\n|---|---|---|\n| 1 | OAuth | 완료 |\n| 2 | 에디터 | 진행중 |\n\n"
            "## 표지\n- 발표자: [이름]\n- Port: 8000\n- GitLab Server: 172.100.100.8\n- 버킷: 버킷 이름 클릭 > 구성 탭 > 수정\n\n"
            "## 개요\nVMware 환경에서 3-Tier 아키텍처 구축을 위한 가이드입니다.\n")
    assert cards_of(text) == []


def test_an_answer_that_announces_what_follows_is_cut_before_it() -> None:
    text = "# DB\n## 릴레이션\n관계 데이터 모델의 테이블을 릴레이션이라고 한다.\n튜플과 어트리뷰트로 구성되어 있으며 아래의 특징을 가짐\n"
    [card] = cards_of(text)
    assert card.back == "관계 데이터 모델의 테이블을 릴레이션이라고 한다.\n\n[[n#릴레이션|… 노트에서 계속]]"


def test_a_numbered_task_under_a_practice_test_asks_its_first_part() -> None:
    text = ("# Labs\n## Practice Test - Backup and Restore\n### 2\n클러스터에서 실행 중인 ETCD 버전은 무엇입니까?\n\n"
            "etcd 파드 상세 정보에서 Image를 확인합니다.\n```\nkubectl describe po -n kube-system etcd-controlplane\n```\n")
    [card] = cards_of(text)
    assert (card.rule, card.front) == ("exercise", "클러스터에서 실행 중인 ETCD 버전은 무엇입니까?")
    assert card.back.startswith("etcd 파드 상세 정보에서")


def test_arrows_define_ratios_do_not_and_labels_do_not_end_mid_sentence() -> None:
    cards = cards_of("# Probes\n- **Liveness** → Is the app alive? If not, restart.\n- 프로그램 1 - N 프로세스\n\n"
                     "앞 문단은 여기에 있다.\n\n웹서비스용 서비스의 상세 정보를 확인하여\n30081 포트를 쓰는데 서비스는 30088 포트로 설정되어 있다.\n")
    assert [(c.rule, c.front, c.back) for c in cards if c.rule != "explain"] == [
        ("definition", "Liveness", "Is the app alive? If not, restart.")]


def test_korean_answers_that_restate_the_term_and_remarks_about_the_exam_are_no_cards() -> None:
    assert not [c for c in cards_of("# MVC\n- 뷰렌더링 - 뷰를 통해서 뷰를 렌더링한다.\n") if c.rule == "definition"]
    assert [c.front for c in cards_of("# MVC\n- 자원관리자 - 자원 배분을 효과적으로 수행한다.\n")
            if c.rule == "definition"] == ["자원관리자"]
    assert cards_of("# 문제\n## 16. ConfigMap 운영\nCKAD에서 더 자주 나오는 문제입니다.\n") == []


def test_intros_to_subsections_lead_ins_to_skipped_content_and_configured_in_pointers() -> None:
    intro = "# CLI\n## Workspace\nCommands for [[Workspace]] and the [[Workspaces]] plugin.\n### tabs\nList open tabs, with their IDs.\n"
    assert [c.front for c in cards_of(intro)] == ["tabs"]
    lead_in = ("# Publish\n## Collaboration\nFor more information, review the following articles:\n\n- [[Publish]]\n"
               "- [[Sync]]\n\nThis site itself is hosted on Publish and kept in a public GitHub repository.\n")
    [card] = cards_of(lead_in)
    assert "following articles" not in card.back and card.back.startswith("This site itself")
    assert cards_of("# List view\n## Settings\nList view settings can be configured in [[View settings]].\n") == []


def test_plans_tasks_checklists_and_project_documents_make_no_plain_cards() -> None:
    text = ("# Day 2\n## 📌 Day 2 목표\n| # | 구성 요소 |\n|---|---|\n| 1 | MySQL |\n\n## 향후 레이아웃 계획\n영역을 분할해서 구현한다.\n\n"
            "## 작업\n- [x] kubeadm 설치: 모든 노드에서 완료\n- [ ] CNI: calico 설치 예정\n- README.md: Python_MOC.md 로 이름 변경 ✅\n"
            "- GitLab: 우측 상단 프로필 → Edit profile\n- Worker 노드 (172.100.100.13): Ingress Controller 배치\n")
    assert cards_of(text) == []
    assert cards_of("# 인증\n- 인증 방식 - GitHub OAuth 2.0 로그인\n", path="프로젝트_계획서/README.md") == []
    assert cards_of("# 인증\nQ::A\n", path="프로젝트_계획서/README.md")  # cards written on purpose stay
    assert [c.front for c in cards_of("# 용량\n## 용량 계획\n노드 수와 파드 수를 예측해 클러스터 크기를 정한다.\n")] == ["용량 계획"]


def test_console_forms_and_captions_of_files_are_no_explanation() -> None:
    text = ("# GCP\n## VPC 생성\n- 이름 : `pista-vpc` 입력\n- 서브넷 생성 모드 : 커스텀 선택\n- 만들기 클릭\n\n"
            "## Nginx Deployment\n( kubernetes/nginx-web/deployment.yaml )\n")
    assert cards_of(text) == []


def test_quotes_arrows_in_paths_following_lead_ins_and_credit_notes() -> None:
    steps = "# Sync\n## Show history\n- Select the \"Sync: Show Sync history\" option.\n- Go to **Settings** → **General**.\n"
    assert not [c for c in cards_of(steps) if c.rule == "definition"]
    assert [c.front for c in cards_of("# Probes\n- **Liveness** → Is the app alive? If not, restart.\n")] == ["Liveness"]
    lead = "# Table\n## Shortcuts\nYou can move around a table using the following mouse and keyboard shortcuts.\n"
    assert cards_of(lead) == []
    assert cards_of("## Previous logo\nThe logo used before v1.3.5 was adapted from a crystal icon.\n", path="Credits.md") == []


def test_console_walks_settings_tables_and_pinned_versions_teach_nothing() -> None:
    console = ("# 스냅샷\n## 웹 콘솔\n📍 Compute Engine > 스냅샷 > 스냅샷 만들기\n\n스냅샷에서 디스크 복원:\n"
               "📍 Compute Engine > 디스크 > 디스크 만들기\n")
    assert cards_of(console) == []
    settings = ("# 배포\n## Launch Template\n| 키 | 값 |\n|---|---|\n| deploygroup | container-asg |\n\n"
                "## 예시 값\n| 변수 | 설명 |\n|---|---|\n| `<BUILD_PATH>` | ./nginx/html/ |\n| `<HOST_PORT>` | 80 |\n\n"
                "## 플레이스 홀더\n|변수|값|\n\n```dockerfile\nFROM python:3.14-alpine\nWORKDIR /app\n```\n")
    assert cards_of(settings) == []
    pinned = "# CI\n## requirements.txt\n```\nfastapi==0.109.0\nuvicorn==0.27.0\n```\n"
    assert cards_of(pinned) == []
    flow = "# Service\n## 흐름\nClient > Service > Pod 순서로 요청이 전달된다. 각 단계에서 로드 밸런싱이 일어난다.\n"
    assert [c.front for c in cards_of(flow)] == ["흐름"]  # prose with `>` is still explained


def test_maps_of_notes_and_instructions_to_assistants_make_no_plain_cards() -> None:
    moc = "# On-Premise ICT MOC\n## 애플리케이션 아키텍처\n- Day 2: FastAPI 3-Tier - FastAPI + MySQL CI/CD\n"
    assert cards_of(moc, path="OnPremise_MOC.md") == []
    assert cards_of("# Structure\n- database/ - Database & MySQL reference\n", path="vault/CLAUDE.md") == []
    assert cards_of("# Help\n## Learn more\nLearn how to use the graph view to gain insights.\n") == []


def test_ordinal_labels_statements_and_values_of_one_example_are_no_terms() -> None:
    steps = ("# 쿠버네티스 설치\n1. 1단계\n모든 노드에 containerd를 설치합니다.\n2. 2단계 - 시험상 update해야 하는 대상\n"
             "모든 노드에 kubeadm를 설치합니다.\n")
    assert not [c for c in cards_of(steps) if c.rule == "definition"]
    dns = "# DNS 주소 규칙\n* 형식: <hostname>.<namespace>.<type>.<root>\n* 예1: web-service.apps.svc.cluster.local\n"
    assert not [c for c in cards_of(dns) if c.rule == "definition" and "예1" in c.front]
    statement = "# slice\n- The second parameter is exclusive: `\"hello\"|slice:1,4` includes indices 1 to 3.\n"
    assert not [c for c in cards_of(statement) if c.rule == "definition"]
    header = "# 일반 정보\n- Server: Apache/2.2.22(Debian)\n- 비밀번호 지정: 1111\n"
    assert not [c for c in cards_of(header) if c.rule == "definition"]


def test_a_list_under_a_list_item_is_asked_with_that_item() -> None:
    text = ("# 인증서 위치\n\n1. API Server\n  - 인증서 파일: /etc/kubernetes/pki/apiserver.crt\n"
            "  - 키 파일: /etc/kubernetes/pki/apiserver.key\n2. etcd\n  - 키 파일: /etc/etcd/ 디렉토리\n")
    assert [c.front for c in cards_of(text) if "키 파일" in c.front] == ["API Server › 키 파일", "etcd › 키 파일"]
    affinity = "# Pod\n## 노드 선호도\nAvailable:\n- requiredDuringScheduling\n- preferredDuringScheduling\n"
    assert [c.front for c in cards_of(affinity) if c.rule == "list"] == ["노드 선호도 › Available"]


def test_bold_questions_of_a_faq_are_asked_with_their_answers() -> None:
    text = ("# Sync\n## Frequently asked questions\n\n**Why is my syncing service not supported?**\n\n"
            "Obsidian requires access to the entire vault for its features.\n\n"
            "**Why do I need to keep files \"Available Offline\"?**\n\n"
            "If services offload files, Obsidian can't access them.\n\n- Mark the folder as kept on this device.\n")
    cards = cards_of(text)
    assert [(c.front, c.rule) for c in cards] == [("Why is my syncing service not supported?", "question"),
                                                  ("Why do I need to keep files \"Available Offline\"?", "question")]
    assert cards[1].back.endswith("- Mark the folder as kept on this device.")


def test_a_section_that_speaks_of_itself_or_restates_its_heading_explains_nothing() -> None:
    text = ("# Sync\n## Sync a remote vault on another device\n\nIn this section, you have already created a remote "
            "vault. Now you want to connect your other devices.\n\nOpen **Settings → Sync** and choose the remote vault"
            " to connect to.\n\n## Show editing mode in status bar\n\nShow the editing mode toggle in the status bar.\n")
    [card] = cards_of(text)
    assert card.back.startswith("Open **Settings → Sync**")


def test_the_explanation_of_a_manifest_goes_under_its_card() -> None:
    text = ("# Volumes\n## Manifest File\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n"
            "  containers:\n    - name: app\n      image: busybox\n      volumeMounts:\n        - name: host\n"
            "          mountPath: /data\n  volumes:\n    - name: host\n      hostPath:\n        path: /mnt/data\n```\n\n"
            "`/mnt/data` on the node is mounted into the container at `/data`.\n")
    [card] = cards_of(text)
    assert card.rule == "manifest" and card.back.endswith("`/mnt/data` on the node is mounted into the container at `/data`.")


def test_a_list_of_steps_a_little_too_long_shows_whole_and_a_long_one_is_no_card() -> None:
    """Nine steps (twice the room at most) are shown whole rather than cut before the last ones; thirty steps of
    a procedure the heading asks for (`Import …`) cannot be shown, and the first few do not answer it: no card.
    A list of points under a heading that asks for no whole is still cut after its first items."""
    steps = "\n".join(f"{n}. Do step number {n} of the import, carefully and completely, as shown on screen." for n in range(1, 10))
    text = f"# Import\n## Import Apple Notes\nYou will need the official Importer plugin.\n\n{steps}\n"
    [card] = cards_of(text)
    assert "1. Do step number 1" in card.back and "9. Do step" in card.back and "continued in the note" not in card.back
    many = "\n".join(f"{n}. Do step number {n} of the import, carefully and completely, as shown on screen." for n in range(1, 31))
    assert cards_of(f"# Import\n## Import Apple Notes\nYou will need the official Importer plugin.\n\n{many}\n") == []
    points = "\n".join(f"- The journal keeps remark number {n} on its entries, written out at some length." for n in range(1, 31))
    [card] = [c for c in cards_of(f"# Journal\n## Entries\nEntries are kept one file per day.\n\n{points}\n")
              if c.rule == "explain"]
    assert "remark number 1 " in card.back and "number 30 " not in card.back and "continued in the note" in card.back


def test_prompts_show_lead_ins_as_read_and_hubs_make_no_cards() -> None:
    text = "# Formulas\n**Arithmetic operators** perform math on numbers:\n- `mul()` - multiply two numbers\n"
    [card] = [c for c in cards_of(text) if c.rule == "definition"]
    assert card.prompt.startswith("Arithmetic operators perform math")
    assert cards_of("# Teams\n## Important resources\nBelow are important links, listed here for quick access.\n") == []
    assert cards_of("# Obsidian Help\n## Extend Obsidian\nWith plugins and themes you shape Obsidian.\n", path="Home.md") == []
    assert cards_of("# Style guide\n## Tables\nUse tables to compare features.\n", path="Contributing to Obsidian/Style guide.md") == []


def test_console_walks_in_quotes_form_steps_with_remarks_summaries_and_related_notes() -> None:
    text = ("# SQL\n## 사용자 관리 - 웹 콘솔\n> 📍 SQL > my-mysql > 사용자\n\n1. **사용자 계정 추가** 클릭\n"
            "2. **사용자 이름**: `myuser` 입력\n3. **호스트 이름**: `모든 호스트 허용(%)` 선택\n\n"
            "## VPC - 웹 콘솔\n- 서브넷 생성 모드: 커스텀 선택 (수동 서브넷 관리)\n- 브랜치: `feat/on-premise-ict`\n")
    assert not [c for c in cards_of(text) if c.rule in ("definition", "explain")]
    summary = ("# GCP Cloud SQL 고가용성 및 백업\nCloud SQL의 백업/복원, 고가용성 구성 방법을 정리한다.\n\n"
               "관련 문서: [[gcp-cloud-sql]] | [[gcp-cloud-sql-ops]]\n")
    assert cards_of(summary) == []


def test_a_flow_mapping_in_a_manifest_is_never_a_deletion_and_a_remark_in_brackets_holds_no_separator() -> None:
    text = ("# Deployment\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
            "  replicas: 3\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n"
            "      labels: { app: web }\n    spec:\n      containers:\n        - name: app\n          image: nginx\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert "matchLabels: { app: web }" in card.front and "{{c1::replicas}}: 3" in card.front
    remark = "# Images\n## Image Sources\n- Public registries (e.g., Docker Hub: `nginx:latest`)\n- Private registries\n"
    assert not [c for c in cards_of(remark) if c.rule == "definition"]


def test_the_output_of_an_example_alone_is_no_card() -> None:
    text = ("# TokenFilter\n## Stop\n```\nGET my_stop/_analyze\n{\"text\": [\"Around the World\"]}\n```\n\n"
            "**Result**  \n[\"Around\", \"World\"]\n\n### Result\n```\n[\"Around\", \"World\"]\n```\n")
    assert [c.front for c in cards_of(text)] == ["Stop"]


def test_a_bold_question_with_its_answer_on_the_next_line_and_a_line_introducing_commands() -> None:
    text = ("# Refunds\n## Frequently asked questions\n\n**What happens if I refund my service?**\n"
            "Refunding deletes any remote vaults, which cannot be retrieved.\n^refund-answer\n\n"
            "**Can I get a partial refund?**\nNo, we do not offer refunds in such cases.\n")
    assert [(c.front, c.back) for c in cards_of(text)] == [
        ("What happens if I refund my service?", "Refunding deletes any remote vaults, which cannot be retrieved."),
        ("Can I get a partial refund?", "No, we do not offer refunds in such cases.")]
    intro = "# CLI\n## Unique notes\nCommands for Unique note creator.\n\n### unique\nNames a new note by the time.\n"
    assert [c.front for c in cards_of(intro)] == ["unique"]


def test_marks_that_compare_things_are_no_checklist() -> None:
    table = ("# Rust\n## 비교\n| 타입 | 소유권 | 스레드 안전 |\n|---|---|---|\n| `Box<T>` | 단일 | O |\n| `Rc<T>` | 공유 | X |\n"
             "| `Arc<T>` | 공유 | O |\n")
    kinds = {c.front: c.back for c in cards_of(table)}  # (each type asked with its marks)
    assert kinds["Rust › `Rc<T>`"] == "**소유권**: 공유\n\n**스레드 안전**: X"
    checklist = "# Day 1\n## 작업\n| 작업 | 상태 |\n|---|---|\n| 설치 | O |\n| 배포 | X |\n| 검증 | O |\n"
    assert cards_of(checklist) == []


def test_a_lead_in_sentence_goes_alone_and_a_definition_list_colon_is_no_answer() -> None:
    from flashgen.cards.plain import _drop_lead_in
    parts = ["트라이 데이터베이스는 지속성 저장소다. 선택지로는 다음의 두 가지가 있다."]
    assert _drop_lead_in(parts) and parts == ["트라이 데이터베이스는 지속성 저장소다."]
    [term] = cards_of("# 프로토콜\n- TCP/IP stack (4 layer)\n\n  : 인터넷에 특화된 네트워크 구조\n")
    assert term.back == "인터넷에 특화된 네트워크 구조"


def test_variables_with_their_values_entries_of_one_resource_and_skill_files_make_no_cards() -> None:
    variables = ("# GCP\n## 공통 변수\n| 카테고리 | 변수 | 값 |\n|---|---|---|\n| 리전 | `$REGION` | `asia-northeast1` |\n"
                 "| 네트워크 | `$VPC_NAME` | `pista-vpc` |\n\n## 시크릿\n| 시크릿 | 설명 | 예시 |\n|---|---|---|\n"
                 "| AWS_REGION | AWS 리전 | ap-southeast-1 |\n| S3_BUCKET_NAME | 버킷 이름 | pistachio-s3 |\n\n"
                 "## 플레이스홀더 목록\n| 이름 | 설명 |\n|---|---|\n| `<PRIVATE_SUBNET_*>` | 서브넷 |\n| `<GITHUB_REPO>` | 레포 |\n")
    assert cards_of(variables) == []
    known = "# kubectl\n## 환경 변수\n| 변수 | 설명 |\n|---|---|\n| KUBECONFIG | kubectl이 읽는 설정 파일 경로 |\n| KUBE_EDITOR | edit에 쓰는 편집기 |\n"
    assert [c.front for c in cards_of(known)] == ["환경 변수"]
    resource = ("# Blueprint\n## Security Group (ec2 · sg-07a1c253f1a6c3a00)\n### 아웃바운드 규칙\n"
                "| 프로토콜 | 대상 |\n|---|---|\n| All | 0.0.0.0/0 |\n| TCP | 10.0.0.0/8 |\n")
    assert cards_of(resource) == []
    assert cards_of("# Visualizer\n## Principles\n- Consistency - keep icon sizes uniform\n", path="viz/SKILL.md") == []


WORK_DAY = ("# Day 5 - Health Check 설정 (01/01)\n"
            "## 적용 방법\n```bash\nkubectl apply -f app/fastapi-deployment.yaml\nkubectl rollout status deployment api -n shop\n```\n\n"
            "## 연결 정보\n| 용도 | 포트 |\n|---|---|\n| 쓰기 | 6446 |\n| 읽기 | 6447 |\n\n"
            "## 최종 결과\n![[result.png]]\n\n"
            "## 해결\n해결: main_test.py 추가\n\n"
            "## Probe 주기 조정\nreadinessProbe 주기를 늘리면 /health 요청 로그가 줄어든다.\n"
            "```yaml\nperiodSeconds: 30\n```\n\n"
            "## TLS vs Non-TLS 비교\n| 항목 | TLS | Non-TLS |\n|---|---|---|\n| 포트 | 2376 | 2375 |\n\n"
            "## 트러블 매뉴얼\n| 증상 | 원인 | 조치 |\n|---|---|---|\n| ImagePullBackOff | 레지스트리 접근 불가 | Secret 확인 |\n\n"
            "## Master 설정\nMaster에 복제용 계정(`repl`)이 있는지 확인합니다.\n```bash\nmysql -e 'SELECT user FROM mysql.user'\n```\n\n"
            "## 배포 순서\nMySQL이 준비되면 WordPress를 배포함.\n\n"
            "## GTID 복제\nGTID 복제는 Master에 최소 하나의 트랜잭션이 있어야 정상 동작합니다.\n\n"
            "## 구성 요소\n- Ingress - Nginx\n- Scope: `read_registry`, `write_registry`\n"
            "- 경로: GitLab > New project > Create blank project\n"
            "- imagePullSecrets - Kubernetes에서 Private Registry 접근\n")


@pytest.mark.parametrize("path", ["project/day5-0101/README.md", "cicd/CICD_2026-02-03.md", "2026-02-11.md",
                                  "project/README.md"])
def test_a_day_of_work_gives_cards_only_where_its_author_explains(path: str) -> None:
    """What one day's work ran and set up (commands, its ports, a screenshot, `해결: …`, the steps it narrates, the
    products it names) asks nothing a learner recalls; a sentence that says why or what must hold, a comparison or a
    table of causes does. The day is known by the note's
    folder or name, or by its title (`Day 5 - … (01/01)`), which `project/README.md` only has as its heading."""
    fronts = [c.front for c in cards_of(WORK_DAY, path=path) if c.rule == "explain"]
    if path == "project/README.md":  # a heading alone does not make a note a day of work: a study log stays
        assert "적용 방법" in fronts and "연결 정보" in fronts
        return
    assert fronts == ["Probe 주기 조정", "TLS vs Non-TLS 비교", "GTID 복제"]
    rows = [c.front for c in cards_of(WORK_DAY, path=path) if c.rule == "symptom"]
    assert rows == ["ImagePullBackOff"]  # a table of causes: a card per error
    terms = [c.front for c in cards_of(WORK_DAY, path=path) if c.rule == "definition"]
    assert terms == ["imagePullSecrets"]  # a part of the project only named (`Ingress - Nginx`) is no term


def test_a_collection_of_commands_filed_under_a_day_still_teaches() -> None:
    text = ("# Docker 명령어 정리 (Day 1)\n## 컨테이너 목록\n```bash\ndocker ps -a\n```\n\n"
            "## 테이블 생성\n```sql\nCREATE TABLE t (id int);\n```\n")
    fronts = [c.front for c in cards_of(text, path="docker/day1-1126/docker_cmd.md") if c.rule == "explain"]
    assert fronts == ["컨테이너 목록", "테이블 생성"]
    study_log = "# SQL\n## 2025-11-04\n### 컬럼 추가\n```sql\nALTER TABLE t ADD c int;\n```\n"
    assert [c.front for c in cards_of(study_log, path="database/TABLE.md") if c.rule == "explain"] == ["컬럼 추가"]


def test_running_a_script_an_index_of_notes_and_a_collection_line_ask_nothing() -> None:
    """`bash setup.sh` alone (what it does is in the script), the package lines of an install section, a table whose
    column links each row to the note that explains it, and a line that only says what the note collects give no
    card; a command that does something itself, and a named package to install, do."""
    text = ("# 배포 스크립트\n## 실행\n```bash\nbash gcp-vm-setup.sh\n```\n\n## 정리\n```bash\n./cleanup.sh --all  # 전체 삭제\n```\n\n"
            "## 사용된 Rust 패턴\n| 패턴 | 설명 | 관련 노트 |\n|---|---|---|\n| 열거형 | 타입 집합 | [[rust-enum]] |\n"
            "| 캡슐화 | getter | [[rust-struct]] |\n\n## 개요\n상황별 되돌리기 방법 모음.\n\n"
            "## 로그 보기\n```bash\nbash install.sh | tee install.log\n```\n\n"
            "## 설치\n```toml\n[dependencies]\nserde = { version = \"1.0\", features = [\"derive\"] }\nrand = \"0.8\"\n```\n\n"
            "## NFS 클라이언트 설치\n```bash\nsudo apt install -y nfs-common\n```\n\n"
            "## Stash 워크플로우\nstash를 활용한 실제 작업 시나리오.\n")
    assert [c.front for c in cards_of(text)] == ["로그 보기", "NFS 클라이언트 설치"]


TOPIC_MANIFESTS = """# Pod
## 노드 선호도 (Node Affinity)
```yaml
apiVersion: v1
kind: Pod
metadata:
  name: myapp-pod
spec:
  containers:
  - name: data-processor
    image: data-processor
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - key: size
            operator: In
            values:
            - Large
```

## Secret을 환경 변수로
```yaml
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: app-secret
          key: password
  volumes:
  - name: secret-volume
    secret:
      secretName: app-secret
```
"""


def test_a_manifest_card_asks_for_the_keys_its_section_is_about() -> None:
    """Under `노드 선호도 (Node Affinity)` the card asks for the keys of the affinity (not `nodeAffinity`, which the
    heading names, nor the plain `key:`/`values:`); under `Secret을 환경 변수로` for `secretKeyRef` and `secretName`.
    `kind: Pod`, which the note's title names, stays shown."""
    affinity, secret = [c for c in cards_of(TOPIC_MANIFESTS) if c.rule == "manifest"]
    for key in ("requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms", "matchExpressions", "operator"):
        assert f"{{{{c1::{key}}}}}:" in affinity.front
    assert "    nodeAffinity:" in affinity.front and "- key: size" in affinity.front and "kind: Pod" in affinity.front
    assert "{{c1::secretKeyRef}}:" in secret.front and "{{c2::secretName}}: app-secret" in secret.front
    assert "          name: app-secret" in secret.front  # a plain key inside the topic stays
    assert "image: nginx" in secret.front and secret.back == "Pod web: secretKeyRef, secret"


def test_the_secrets_a_workflow_is_given_are_no_card_but_a_tool_s_variables_are() -> None:
    text = ("# GHA 예시\n## 시크릿\n| 시크릿 | 설명 |\n|---|---|\n| AWS_ACCESS_KEY_ID | AWS 액세스 키 ID |\n"
            "| AWS_REGION | AWS 리전 |\n| EC2_INSTANCE_ID | EC2 인스턴스 ID |\n\n"
            "## 워크플로우별 시크릿\n| 시크릿 | DockerHub | ECR |\n|---|---|---|\n| DOCKER_USERNAME | O | - |\n"
            "| AWS_REGION | O | O |\n\n## 에러 테스트\nRust에서 에러 상황을 테스트하는 방법.\n\n"
            "## 환경 변수\n| 변수 | 설명 |\n|---|---|\n| KUBECONFIG | kubectl이 읽는 설정 파일 경로 |\n"
            "| KUBE_EDITOR | edit에 쓰는 편집기 |\n")
    assert [c.front for c in cards_of(text)] == ["환경 변수"]


def test_a_table_s_padding_does_not_count_against_an_answer_s_room() -> None:
    """Tables aligned with spaces (as the help vault writes them) are read by their words: six padded rows fit."""
    rows = "".join(f"| Option {i:<30} | Toggle {'':<20} | Turns option {i} on or off. {'':<60} |\n" for i in range(6))
    text = f"# Sites\n## Site options\n| Setting {'':<29} | Type {'':<22} | Description {'':<73} |\n|{'-' * 40}|{'-' * 30}|{'-' * 90}|\n{rows}"
    assert len(text) > 1000
    [card] = cards_of(text)
    assert card.back.count("\n") == 7 and "continued" not in card.back and "계속" not in card.back


def test_one_remark_in_brackets_among_plain_items_is_no_term() -> None:
    remark = ("# Pod\n## Traits\n- Encapsulation of Containers\n- Pods are ephemeral by nature\n- Shared Resources\n"
              "- Unique IP Addresses (ephemeral by nature)\n")
    assert not [c for c in cards_of(remark) if c.rule == "term"]
    glossary = "# 서비스\n## 타입\n- ClusterIP (클러스터 내부 통신)\n- NodePort (노드 포트로 노출)\n- ExternalName\n"
    assert [(c.front, c.back) for c in cards_of(glossary) if c.rule == "term"] == [
        ("ClusterIP", "클러스터 내부 통신"), ("NodePort", "노드 포트로 노출")]


def test_a_label_in_bold_over_a_list_introduces_its_terms() -> None:
    text = "# 뉴스 피드\n## 상세 설계\n설명 문단이다.\n\n**캐시 구조**\n* 소셜 그래프: 사용자 간 관계를 보관한다.\n* 횟수: 좋아요 수 등의 정보를 포함한다.\n"
    terms = [(c.front, c.prompt) for c in cards_of(text) if c.rule == "definition"]
    assert ("횟수", "캐시 구조 · 무엇인가요?") in terms and ("소셜 그래프", "캐시 구조 · 무엇인가요?") in terms


def test_lines_of_term_and_meaning_in_one_paragraph_are_no_label_card() -> None:
    text = "# 이미지\n## 레이어\n설명이다.\n\n컨테이너 레이어 - 읽기/쓰기 레이어  \n이미지 레이어 - 읽기 전용 레이어\n"
    assert not [c for c in cards_of(text) if c.rule == "label"]


def test_code_the_heading_shows_already_is_no_answer() -> None:
    text = "# 시간\n## 타임 존 확인 `timedatectl`\n```sql\ntimedatectl\n```\n\n## 타임 존 변경\n```sh\nsudo timedatectl set-timezone Asia/Seoul\n```\n"
    assert [c.front for c in cards_of(text)] == ["타임 존 변경"]


def test_a_few_examples_and_etc_are_no_definition() -> None:
    """Most items give only examples: the list names factors by examples (`Node availability: Is the node healthy,
    …, etc.` among them), no terms; the section's explanation asks them. A glossary keeps a term ending in etc."""
    text = ("# Scheduler\n## Inputs\n- Resource needs: CPU, memory, etc.\n- 리소스: CPU, 메모리 등\n"
            "- Node availability: Is the node healthy, does it have enough resources, etc.\n\n"
            "## Objects\n- Pod: the smallest unit, holding containers, volumes, etc.\n"
            "- Service: a stable address in front of a set of pods\n")
    cards = cards_of(text)
    assert [c.front for c in cards if c.rule == "definition"] == ["Pod", "Service"]
    assert [c.rule for c in cards if "Node availability" in c.back] == ["explain"]


def test_a_practice_test_written_as_a_numbered_list_gives_a_card_per_task() -> None:
    """`1. …찾으시오.` then the commands that answer it, then `2. …`: each task asks, its commands answer; the
    section's title (`Practice Test - …`) is no question."""
    text = ("# 서비스 네트워킹\n## 244. Practice Test - Service Networking\n\n"
            "1. 이 클러스터의 `Node`가 사용할 IP 범위를 찾으시오.\n\n```sh\n# INTERNAL-IP 확인\nkubectl get nodes -o wide\n```\n\n"
            "2. kube-proxy가 사용하는 프록시 타입은 무엇입니까?\n\n```sh\nkubectl logs -n kube-system kube-proxy-abcde\n```\n")
    cards = cards_of(text)
    assert [(c.rule, c.front) for c in cards] == [
        ("exercise", "이 클러스터의 `Node`가 사용할 IP 범위를 찾으시오."), ("exercise", "kube-proxy가 사용하는 프록시 타입은 무엇입니까?")]
    assert cards[0].back.startswith("```sh\n# INTERNAL-IP 확인") and "kube-proxy" not in cards[0].back
    assert cards[1].prompt == "풀어 보세요"
    steps = "# 설치\n## 순서\n1. 패키지를 내려받으시오.\n\n```sh\napt-get install kubeadm\n```\n"
    assert not [c for c in cards_of(steps) if c.rule == "exercise"]  # numbered steps outside a test or lab


def test_lines_of_one_shape_without_bullets_are_no_label_card() -> None:
    text = ("# 네트워크\n## 구조\n설명이다.\n\n컨테이너를 가지고 있는 파드\n네임스페이스와 인터페이스를 가지고 있는 컨테이너\n"
            "인터페이스에 할당돼있는 IP들\n")
    assert not [c for c in cards_of(text) if c.rule == "label"]
    label = "# 쿠키\n## 속성\n설명이다.\n\n**도메인**\n명시한 문서 기준 도메인 + 서브 도메인 포함\n생략 시 현재 문서 기준 도메인만 적용\n"
    assert [c.front for c in cards_of(label) if c.rule == "label"] == ["**도메인**"]


def test_a_sentence_wrapped_over_two_lines_is_no_label_card() -> None:
    text = ("# URI\n## Callbacks\nIntro.\n\nFor example, if Obsidian receives\n`obsidian://open?x-success=myapp://cb`, it answers.\n\n"
            "line three<br>\nline four\n\n다중 상속받은 경우에는 super(A, self)와 같이\n명시적으로 상위 클래스를 지정하는 게 좋습니다.\n")
    assert not [c for c in cards_of(text) if c.rule == "label"]


def test_what_a_thing_does_is_no_term() -> None:
    """`Mounted inside containers → …`, `SecurityContext에 담아 반환`: a point made, not a name to define."""
    text = ("# Volumes\n## Key Points\n- **Defined at the Pod level** → available to all containers in that Pod.\n"
            "- **Mounted inside containers** → each container chooses where to mount it (`mountPath`).\n"
            "- **emptyDir** → scratch space that lives as long as the Pod.\n\n"
            "## 토큰\n- SecurityContext에 담아 반환\n    - `getAuthentication()`으로 유저 정보를 가져옴\n"
            "- 트래픽은 주로 노드에서 측정: 특정 시점에 노드를 경유하는 정보량\n- 역캡슐화를 거쳐 수신됨\n    - 헤더 제거 후 상위 계층으로\n"
            "- 이더넷 프레임 - 데이터 링크 계층에서 주고받는 데이터 단위\n")
    fronts = [c.front for c in cards_of(text) if c.rule in ("definition", "term")]
    assert "emptyDir" in fronts and "이더넷 프레임" in fronts
    assert "역캡슐화를 거쳐 수신됨" not in fronts  # a statement in note style (`…됨`, `…함`)
    assert "트래픽은 주로 노드에서 측정" not in fronts  # a sentence about its subject, cut at its colon
    assert not {"Defined at the Pod level", "Mounted inside containers", "SecurityContext에 담아 반환"} & set(fronts)


def test_an_example_in_brackets_is_no_definition() -> None:
    text = "# Images\n## Image Sources\n- Public registries (e.g., Docker Hub: `nginx:latest`)\n- Private registries (require a pull secret)\n"
    terms = [c.front for c in cards_of(text) if c.rule == "term"]
    assert "Public registries" not in terms and "Private registries" in terms


def test_an_example_the_explanation_shows_is_no_card_of_its_own() -> None:
    text = ("# Functions\n## toFixed()\n`number.toFixed(precision: number): string`\n\n"
            "- `precision` is the number of decimal places.\n- Example: `(3.14159).toFixed(2)` returns `\"3.14\"`.\n")
    cards = cards_of(text)
    assert not [c for c in cards if "Example" in c.front]
    assert [c.rule for c in cards if "(3.14159)" in c.back] == ["explain"]
    filters = ("# Filters\n## remove_attr\nRemoves only the specified attributes.\n\n"
               "- Example: `x|remove_attr:\"class\"` returns `y`.\n- Multiple attributes: `html|remove_attr:(\"a,b\")`\n")
    assert [c.rule for c in cards_of(filters) if "returns `y`" in c.back] == ["explain"]  # not kept out by it


def test_labelled_examples_and_uses_of_the_subject_are_no_terms() -> None:
    """`- Example (max): …` is one of several examples told apart by what they show, and `- Replace all vowels:
    `…|replace:…`` under `### replace` names what a use of the section's subject does: both stay with the
    explanation, and a list of such uses is no list to recite."""
    text = ("# Functions\n## reduce()\n`list.reduce(expression, acc)`\n\n- Reduces the list to one value.\n"
            "- Example (sum): `[1,2,3].reduce(acc + value, 0)` returns `6`.\n"
            "- Example (max): `xs.reduce(if(value > acc, value, acc), null)` returns the largest number.\n\n"
            "## replace\nReplaces occurrences of text.\n\nRegex is supported:\n\n"
            "- Replace all vowels: `\"hello\"|replace:\"/[aeiou]/g\":\"*\"` → `\"h*ll*\"`.\n"
            "- Case-insensitive: `\"HELLO\"|replace:\"/hello/i\":\"hi\"` → `\"hi\"`.\n"
            "- Available flags: `g` (global), `i` (case-insensitive).\n\n"
            "## Glossary\n- Reducer: a function that `reduce` calls for each element\n")
    cards = cards_of(text)
    assert [(c.rule, c.front) for c in cards] == [("explain", "reduce()"), ("explain", "replace"),
                                                  ("definition", "Available flags"), ("definition", "Reducer")]


def test_numbered_alternatives_are_asked_together_with_what_they_are_alternatives_of() -> None:
    """`### 방법1`, `### 방법2` number ways of one thing, and `#### 2개 레이어`, `#### 1개 레이어` over code label examples of
    the point above them: one card, the parent's lead-in → each under its title. Steps stay cards of their own."""
    text = ("# 파드\n## Pod Edit\n실행 중인 파드의 환경 변수는 편집할 수 없습니다.\n\n하지만 꼭 하고 싶다면 두 가지 옵션이 있습니다:\n\n"
            "### 방법1\n`kubectl edit pod web` 을 실행하고 저장된 임시 파일로 파드를 다시 만듭니다.\n\n"
            "### 방법2\n파드 정의를 파일로 추출해 수정한 뒤 파드를 지웠다가 다시 만듭니다.\n\n"
            "## 레이어 관리\n* 지시어 하나당 레이어가 하나 추가된다\n* RUN 지시어는 &&로 묶어 하나로 처리\n\n"
            "#### 2개 레이어\n```\nRUN apt-get update\nRUN apt-get install -y curl\n```\n"
            "#### 1개 레이어\n```\nRUN apt-get update && \\\n    apt-get install -y curl\n```\n\n"
            "## 설치\n### Step 1\n`apt-get update` 로 목록을 새로 고친다.\n\n### Step 2\n`apt-get install -y curl` 로 설치한다.\n")
    cards = [c for c in cards_of(text) if c.rule == "explain"]
    fronts = [(c.front, c.prompt) for c in cards]
    assert ("실행 중인 파드의 환경 변수는 편집할 수 없습니다. 하지만 꼭 하고 싶다면 두 가지 옵션이 있습니다",
            "2가지를 설명해 보세요") in fronts
    assert ("RUN 지시어는 &&로 묶어 하나로 처리", "예시로 보여 보세요") in fronts
    ways = next(c for c in cards if c.prompt == "2가지를 설명해 보세요")
    assert ways.heading_path == ("파드", "Pod Edit") and ways.back.startswith("**방법1**\n\n`kubectl edit pod web`")
    assert "**방법2**\n\n파드 정의를" in ways.back
    layers = next(c for c in cards if c.prompt == "예시로 보여 보세요")
    assert layers.back.startswith("**2개 레이어**\n\n```\nRUN apt-get update\n") and "**1개 레이어**" in layers.back
    assert not [c for c in cards if c.front.endswith(("방법1", "방법2", "레이어"))]
    assert [c.heading_path[-1] for c in cards if "Step" in c.front] == ["Step 1", "Step 2"]


def test_a_term_under_a_topic_in_bold_is_asked_under_that_topic() -> None:
    """`**우선순위**` starts a topic of the section as a heading would: the terms defined in it (`큐`) carry it in
    their breadcrumb, and a bare term given context by the section (`503`) gets the topic instead."""
    text = ("# 크롤러\n## 웹 크롤러 설계\n크롤러는 웹 페이지를 모은다.\n\n**우선순위**\n* 페이지마다 중요도가 다르다.\n\n"
            "* 순위결정장치: URL을 입력으로 받아 우선순위를 계산한다.\n* 큐: 우선순위별로 큐가 하나씩 할당된다.\n\n"
            "**Retry-After**\n\n기다려야 하는 시간\n\n- 503: 서비스가 언제까지 불능인지 알려줄 수 있음\n")
    cards = {c.front: c.heading_path for c in cards_of(text) if c.rule == "definition"}
    assert cards == {"순위결정장치": ("크롤러", "웹 크롤러 설계", "우선순위"), "큐": ("크롤러", "웹 크롤러 설계", "우선순위"),
                     "Retry-After › 503": ("크롤러", "웹 크롤러 설계", "Retry-After")}


def test_a_vague_heading_over_labelled_values_asks_for_them_by_their_labels() -> None:
    """`📌 주요 정보` says nothing to recall: asked with its topic and the labels of the values it lists."""
    text = ("# MongoDB\n## MongoDB 설치 가이드\n### 📌 주요 정보\n- **기본 포트:** 27017\n"
            "- **데이터 저장 경로:** `/var/lib/mongodb`\n- **설정 파일:** `/etc/mongod.conf`\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.front == "MongoDB 설치 가이드 › 주요 정보 (기본 포트, 데이터 저장 경로, 설정 파일)"
    assert "27017" in card.back


def test_a_generic_heading_over_code_asks_for_the_code_without_the_projects_filled_in_copy() -> None:
    """`참조키 › 수정` over SQL alone asks to write it (`SQL로 써 보세요`), and the block that only fills in the
    placeholders of the one above it (`ALTER TABLE test2 … fk_test2`) is one project's names: left out, with its
    `예시` label. A block under a label of its own stays. A heading that names a topic over code alone asks to
    write it too (`복구 mysql` → `명령어로 써 보세요`: the block runs the `mysql` program); over words and code it is
    explained."""
    text = ("# DB\n## 참조키\n### 수정\n선행\n\n```sql\nALTER TABLE <table_name> DROP FOREIGN KEY <fk_name>;\n```\n\n"
            "```sql\nALTER TABLE test2 DROP FOREIGN KEY fk_test2;\n```\n\n"
            "## 복구 mysql\n```sql\nmysql -u admin -p < <db_name>.sql\n```\n\n예시\n\n```sql\nmysql -u admin -p < ./bookdb.sql\n```\n\n"
            "## kubectl describe\n* Pod 상태 확인\n```\nkubectl describe pod <pod-name>\n```\n* 특정 Pod 상세 정보\n"
            "```\nkubectl describe pod web-1\n```\n")
    cards = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    assert cards["참조키 › 수정"].prompt == "SQL로 써 보세요"
    assert cards["참조키 › 수정"].back == "선행\n\n```sql\nALTER TABLE <table_name> DROP FOREIGN KEY <fk_name>;\n```"
    assert cards["복구 mysql"].prompt == "명령어로 써 보세요" and cards["복구 mysql"].back.count("```sql") == 1
    assert cards["kubectl describe"].prompt == "설명해 보세요"
    assert "예시" not in cards["복구 mysql"].back
    assert "kubectl describe pod web-1" in cards["kubectl describe"].back


def test_a_list_that_speaks_of_its_lead_in_is_no_list_to_recite() -> None:
    text = ("# 장비\n## 스위치와 허브\n설명이다.\n\n**스위치**\n- 허브의 충돌 문제\n  - 근본적인 해결 방법이 있다\n"
            "- 이를 위한 장비가 바로 스위치\n- 스위치의 주요 기능\n  - MAC 주소 학습\n\n"
            "**서비스 타입**\n- ClusterIP\n- NodePort\n- LoadBalancer\n")
    assert [c.front for c in cards_of(text) if c.rule == "list"] == ["서비스 타입"]


def test_a_troubleshooting_table_gives_a_card_per_error() -> None:
    text = ("# 배포\n## 트러블슈팅\n| 오류 | 원인 | 해결 |\n|------|------|------|\n"
            "| ImagePullBackOff | Private Registry 인증 실패 | Secret 확인 및 재생성 |\n"
            "| `a \\| b` 오류 | 파이프가 든 `x|y` | - |\n"
            "| no route to host | 10.0.0.8:80 접근 불가 | 포트 포워딩 |\n")
    cards = cards_of(text)
    assert [(c.rule, c.front, c.back, c.prompt, c.line) for c in cards] == [
        ("symptom", "ImagePullBackOff", "**원인**: Private Registry 인증 실패\n\n**해결**: Secret 확인 및 재생성", "원인과 해결은?", 5),
        ("symptom", "`a \\| b` 오류", "**원인**: 파이프가 든 `x|y`", "원인은?", 6)]  # one machine's address: none
    english = "# Runner\n## Issues\n| Symptom | Fix |\n|---|---|\n| `docker info` hangs | Run the service privileged |\n"
    assert [(c.front, c.prompt) for c in cards_of(english)] == [("`docker info` hangs", "How is it fixed?")]


def test_a_row_of_one_setups_troubleshooting_log_is_no_card() -> None:
    """A row whose symptom is no error one meets again, whose fix is to ignore it, see above or mend it by hand, or
    whose cause is that setup's pair of versions, is one project's incident; the rows of general errors stay."""
    text = ("# 배포 기록\n## 트러블슈팅\n| 문제 | 원인 | 해결 |\n|---|---|---|\n"
            "| `connection reset by peer` | MTU 크기 문제 | `network_mtu = 1400` |\n"
            "| 내보내기 메뉴가 안 보임 | 설정 꺼짐 | 관리 콘솔에서 켬 |\n"
            "| Sidebar shows no export entry | Export disabled | Turn it on in the console |\n"
            "| 시작 경고 | 사이드카가 늦게 뜸 | 무시 가능 |\n"
            "| 복제 에러 | 트랜잭션 ID 충돌 | 셸에서 수동 복구 |\n"
            "| DNS 해석 실패 | 이름 서비스가 IP를 못 받음 | 서비스 방식 변경 (위 참조) |\n"
            "| API 버전 오류 | client v1.41 < server v1.42 | 새 이미지로 교체 |\n"
            "| 포트 접근 불가 | 방화벽 규칙 없음 | 인바운드 규칙에 80 포트 추가 |\n")
    assert [c.front for c in cards_of(text) if c.rule == "symptom"] == ["`connection reset by peer`", "포트 접근 불가"]


def test_an_entry_of_a_learning_log_or_a_map_of_notes_is_a_pointer() -> None:
    """A day of a learning log that only sums its note up over a link to it, and an entry of a map of notes (a link
    to `…_MOC` and the topics it holds), point to where the learning is: no card. A summary that says more stays."""
    log = ("# 쿠버네티스 기록\n## 볼륨 실습\n> emptyDir, hostPath, PVC 실습\n\n📖 [상세 문서](./day3/README.md)\n\n"
           "## 서비스 실습\n> 서비스 노출 방식 정리\n\n[[Day 4 서비스]]\n\n"
           "## 프로브\nreadinessProbe가 실패하면 파드는 서비스의 엔드포인트에서 빠지고, livenessProbe가 실패하면 "
           "컨테이너가 재시작된다.\n\n📖 [상세 문서](./day5/README.md)\n")
    assert [c.front for c in cards_of(log)] == ["프로브"]
    index = ("# 볼트\n## 클라우드\n- **[Cloud_MOC](./cloud/Cloud_MOC.md)** — 클라우드 플랫폼\n  - VPC · 로드밸런서 · 스토리지\n\n"
             "- **[[Net MOC]]** — 네트워크\n  - DNS · 라우팅\n\n"
             "## 용어\n- **[[etcd]]** — 클러스터 상태를 저장하는 분산 key-value 저장소\n")
    assert [(c.rule, c.front) for c in cards_of(index)] == [("definition", "[[etcd]]")]


def test_a_problem_and_its_way_out_in_bold_are_one_answer() -> None:
    """`**문제 상황**` and then a line in bold naming the way out (`**큐 기반 처리 도입**`): the solution belongs to
    the problem's card, not to a card of its own that leaves the problem's card with only the problem."""
    text = ("# 동시성\n## 중복 결제 요청\n**문제 상황**\n* 사용자가 버튼을 두 번 누르면 결제가 두 번 처리될 수 있다.\n\n"
            "**멱등 키 도입**\n1. 요청마다 고유 키를 발급한다\n2. 같은 키의 두 번째 요청은 처음 결과를 돌려준다\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.front == "중복 결제 요청" and "두 번 처리" in card.back and "같은 키의 두 번째 요청" in card.back


def test_a_sentence_that_goes_on_past_its_colon_is_not_cut_there() -> None:
    """`캐시는 읽기 지연을 크게 줄임: …` is a sentence about its subject, and `A -> B 구간의 TTL: …` a case of its
    topic: cut at the colon, neither side is a term or what it means, and the list over it asks for fragments.
    A bullet that states a command and what it does over an example asks nothing its front does not say."""
    text = ("# 네트워크\n## 캐시\n**캐시 갱신**\n- 원본보다 가까운 저장소에 복사본을 둔다\n"
            "- 캐시는 읽기 지연을 크게 줄임: 원본 조회 횟수 감소\n\n"
            "**TTL 속성**\n- 항목이 유효한 시간\n- A -> B 구간의 TTL: B 서버가 정한 값\n\n"
            "## 명령\n- `kubectl delete pod 파드명` - 파드 삭제\n  - ex) kubectl delete pod web\n"
            "- `kubectl get` - 리소스 목록 조회\n- 레이블: 오브젝트에 붙이는 키-값 쌍\n")
    got = [(c.rule, c.front) for c in cards_of(text)]
    assert ("explain", "캐시 갱신") in got and ("explain", "TTL 속성") in got
    assert not [f for r, f in got if r in ("definition", "list", "term") and ("캐시" in f or "TTL" in f or "delete" in f)]
    assert ("definition", "레이블") in got


def test_a_remark_under_a_table_the_card_leaves_out_is_no_answer() -> None:
    text = ("# 배포\n## 워크플로우별 시크릿\n| 시크릿 | 설명 |\n|---|---|\n| `AWS_ACCESS_KEY_ID` | 액세스 키 |\n"
            "| `AWS_SECRET_ACCESS_KEY` | 시크릿 키 |\n\n> [!Note]\n> ECR 방식은 Docker PAT이 불필요하다.\n")
    assert not cards_of(text)


def test_a_walk_through_an_app_s_screens_is_no_card() -> None:
    """Numbered clicks and choices (`1. Open **Settings**.` `2. In the sidebar, select …`) are looked up, not
    recalled; an explanation beside the steps, or steps that run commands, still make a card."""
    recipe = ("# Sync\n## Log in\nTo log in:\n\n1. Open **Settings**.\n2. In the sidebar, select **General**.\n"
              "3. Under **Account**, select **Log in**.\n4. In **Email**, enter your email.\n\n"
              "## 콘솔에서 만들기\n1. **구성 시작** 클릭\n2. **인터넷에서 VM으로** 선택\n3. 이름 입력\n")
    assert not cards_of(recipe)
    explained = ("# Tabs\n## Linked views\n_Linked views_ are tabs that reference a different tab. When the content of the "
                 "referenced tab changes, the linked view changes as well.\n\n1. Select **More options**.\n"
                 "2. Under **Open linked view**, select a view.\n\n## Install kubeadm\n1. Open a terminal.\n"
                 "2. Run the install:\n\n```sh\napt-get install -y kubeadm\n```\n")
    assert [c.front for c in cards_of(explained)] == ["Linked views", "Install kubeadm"]


def test_a_table_of_one_project_s_names_and_files_is_no_answer() -> None:
    made = ("# GKE 모듈\n## 생성 리소스\n| 리소스 | 이름 | 설명 |\n|---|---|---|\n| Artifact Registry | `pista-repo` | 이미지 저장소 |\n"
            "| GKE 클러스터 | `pista-cluster` | Autopilot |\n| Deployment | `pista-nginx` | 웹 서버 |\n\n"
            "## 파일\n| 파일 | 용도 |\n|---|---|\n| `gcp-gke-setup.sh` | 생성 |\n| `gcp-gke-cleanup.sh` | 삭제 |\n")
    assert not cards_of(made)
    known = ("# kubeadm\n## 주요 파일\n| 파일 | 용도 |\n|---|---|\n| `/etc/kubernetes/manifests` | static Pod 정의 |\n"
             "| `/etc/kubernetes/admin.conf` | 관리자 kubeconfig |\n| `/var/lib/kubelet/config.yaml` | kubelet 설정 |\n")
    assert [c.front for c in cards_of(known)] == ["주요 파일"]


def test_a_project_s_source_files_scripts_and_settings_in_bold_are_no_answer() -> None:
    """The modules of one codebase (`main.rs` | 진입점), the scripts one project runs (`구축 스크립트`), with the line
    that led into them, and a `**항목** | **값**` table of one setup: nothing general to recall."""
    source = ("# GlueSQL CLI\n## 소스 구조\n| 파일 | 역할 |\n|---|---|\n| `main.rs` | 진입점 |\n| `lib.rs` | 인자 파싱 |\n"
              "| `cli.rs` | REPL 구현 |\n| `command.rs` | 명령어 파싱 |\n| `print.rs` | 결과 출력 |\n| `helper.rs` | 헬퍼 |\n")
    scripts = ("# 인프라 스크립트\n## 리소스 배포\n필요한 리소스를 선택하여 구축합니다.\n\n| 분류 | 구축 스크립트 | 설명 |\n"
               "|---|---|---|\n| Network | `net-setup.sh` | VPC |\n| VM | `vm-setup.sh` | VM 2대 |\n| GKE | `gke-setup.sh` | 클러스터 |\n")
    settings = ("# 네트워크 실습\n## 프로젝트 정보\n| **항목** | **값** |\n|---|---|\n| **Project ID** | `named-foundry-1` |\n"
                "| **Region** | asia-northeast1 |\n")
    assert not cards_of(source) and not cards_of(scripts) and not cards_of(settings)
    rust = ("# Rust 모듈\n## 모듈 파일\n모듈은 파일 하나나 폴더로 나눈다.\n\n| 파일 | 역할 |\n|---|---|\n"
            "| `src/main.rs` | 바이너리 크레이트의 루트 |\n| `src/lib.rs` | 라이브러리 크레이트의 루트 |\n| `garden/mod.rs` | 모듈 폴더의 루트 |\n")
    assert [c.front for c in cards_of(rust)] == ["모듈 파일"]  # a table of the language's own files, beside a sentence


def test_a_reference_table_gives_a_card_per_command_or_option() -> None:
    """`명령어 | 설명`: what a command does asks for the command; `옵션 | 설명`, `Method | Description`: the option asks
    what it does. A name only translated (`image` | `Docker 이미지`), an app's switch (`Enable or disable …`) and
    the project's own script are no card."""
    text = ("# Git\n## 리베이스\n| 명령어 | 설명 |\n|---|---|\n| `git rebase --abort` | 리베이스 취소 |\n"
            "| `git rebase --skip` | 현재 커밋 건너뛰기 |\n| `bash cleanup.sh` | 정리 스크립트 실행 |\n\n"
            "## 잡 키워드\n| 키워드 | 설명 |\n|---|---|\n| `image` | Docker 이미지 |\n"
            "| `needs` | 스테이지 순서와 상관없이 먼저 끝나야 할 잡을 지정 |\n| `rules` | 잡을 실행할 조건을 차례로 검사 |\n\n"
            "## Site options\n| Option | Type | Description |\n|---|---|---|\n| Hide page title | Toggle | Enable or disable the "
            "inline title. |\n| Theme | Dropdown | Choose how your theme presents on your site: Light, Dark or Adapt. |\n")
    cards = [(c.front, c.back, c.prompt) for c in cards_of(text) if c.rule == "reference"]
    assert cards == [
        ("리베이스 취소", "`git rebase --abort`", "명령어는?"), ("현재 커밋 건너뛰기", "`git rebase --skip`", "명령어는?"),
        ("`needs`", "스테이지 순서와 상관없이 먼저 끝나야 할 잡을 지정", "무엇인가요?"),
        ("`rules`", "잡을 실행할 조건을 차례로 검사", "무엇인가요?")]
    explained = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert explained == ["Site options"]  # one row worth a card is no reference table: the table is explained whole


def test_a_table_of_shortcuts_gives_a_card_per_shortcut() -> None:
    """`Action | Shortcut`: what a shortcut does asks for its keys, one line per platform when there are columns for
    several; keys every text field or app answers to the same way (`Enter`, `Ctrl+C` for Copy, `Ctrl+→` to move the
    cursor by a word) ask nothing. The words
    of the section stay its explanation; a caption over the table alone is none."""
    text = ("# Editor\n## Editing\n| Action | Shortcut |\n|-|-|\n| Insert new line | `Enter` |\n| Copy | `Ctrl+C` |\n"
            "| Delete the current line | `Ctrl+Shift+K` (with nothing selected) |\n| Fold every heading | `Ctrl+Shift+[` |\n"
            "| Move the cursor to the end of the next word | `Ctrl+→` |\n| Extend selection to the end of the line | `Shift+End` |\n\n"
            "## Panes\nWhen a pane is focused\n\n| Action | Hotkey |\n|---|---|\n| Next pane | `Alt+→` |\n| Close pane | `q` |\n\n"
            "## Open a link\nA link opens where you are. Hold keys as you click it to open it elsewhere:\n\n"
            "| Action | macOS | Windows/Linux |\n|---|---|---|\n| **Follow** | _None_ | _None_ |\n| **New tab** | `⌘` | `Ctrl` |\n"
            "| **New window** | `⌘` `⌥` | `Ctrl` `Alt` |\n")
    cards = cards_of(text)
    assert [(c.front, c.back, c.prompt) for c in cards if c.rule == "shortcut"] == [
        ("Delete the current line", "`Ctrl+Shift+K` (with nothing selected)", "Which shortcut?"),
        ("Fold every heading", "`Ctrl+Shift+[`", "Which shortcut?"), ("Next pane", "`Alt+→`", "Which shortcut?"),
        ("Close pane", "`q`", "Which shortcut?"),
        ("New tab", "- **macOS**: `⌘`\n- **Windows/Linux**: `Ctrl`", "Which shortcut?"),
        ("New window", "- **macOS**: `⌘` `⌥`\n- **Windows/Linux**: `Ctrl` `Alt`", "Which shortcut?")]
    [explained] = [c for c in cards if c.rule == "explain"]
    assert explained.front == "Open a link" and explained.back.startswith("A link opens where you are.") \
        and "New tab" not in explained.back
    system = ("# Editor\n## Text navigation\n| Action | Shortcut |\n|-|-|\n| Move the cursor one character | `Left/→` |\n"
              "| Move the cursor to the end of the note | `Ctrl+End` |\n| Extend selection to the end of the line | `Shift+End` |\n")
    assert cards_of(system) == []  # the system's text editing: no card per row, and no table to recite either


SECRET_NOTE = """# Secrets
## Manifest Files

A Secret
```yaml
apiVersion: v1
kind: Secret
metadata:
  name: db-cred
data:
  password: czNjcmV0
```
> [!NOTE] The Secret
> - `data:` holds values in base64, which is no encryption.

Read it from a Pod:
```yaml
apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  containers:
  - name: app
    image: busybox
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: db-cred
          key: password
```
> [!NOTE] The Pod
> - `secretKeyRef:` picks one value: `name:` is the Secret and `key:` the key inside it.
"""


def test_the_words_under_a_manifest_with_a_card_explain_that_manifest() -> None:
    """A callout right under a manifest that has its own card, naming its fields in code (`secretKeyRef:`, `key:`),
    goes under that card's answer. The Secret is asked by where it holds its values (`data`), with what is said of
    it; the generic section (`Manifest Files`) is left with no explanation of its own."""
    cards = cards_of(SECRET_NOTE)
    secret, pod = [c for c in cards if c.rule == "manifest"]
    assert "{{c1::data}}:" in secret.front and secret.back.endswith("which is no encryption.")
    assert "secretKeyRef" in pod.front and pod.back.endswith("the key inside it.")
    assert not [c for c in cards if c.rule == "explain"]


def test_a_heading_that_names_the_program_its_code_runs_asks_each_described_command() -> None:
    """`## helm` over nothing but commands that run helm: they do not explain helm; each command under a comment that
    says what it does (also one Korean word that names an action, `버전확인`) asks for the command."""
    text = ("# 패키지\n## helm\n```\nexport HELM_DEBUG=1\n```\n\n```\n# 버전확인\nhelm version\n\n"
            "# 설치된 릴리스 보기\nHELM_NAMESPACE=web helm list -A\n```\n")
    assert [(c.front, c.back, c.prompt) for c in cards_of(text)] == [
        ("helm › 버전확인", "```sh\nhelm version\n```", "명령어는?"),
        ("helm › 설치된 릴리스 보기", "```sh\nHELM_NAMESPACE=web helm list -A\n```", "명령어는?")]


def test_markdown_shown_again_as_it_renders_is_left_out_of_the_explanation() -> None:
    """```` ```md ```` over an example, then the same example written out to show how it renders: the source is what
    the section teaches, the copy only takes the room of what follows it."""
    text = ("# Markdown\n## Numbered lists\nStart each line with a number and a period:\n\n```md\n1. Mix the flour\n"
            "2. Bake for an hour\n```\n\n1. Mix the flour\n2. Bake for an hour\n\nThe numbers need not be in order: "
            "`1.` on every line counts up too.\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.back.count("Mix the flour") == 1 and card.back.endswith("counts up too.")


def test_a_list_of_keys_to_press_is_no_list_to_recite() -> None:
    """`- `Enter`: Appends …` `- `Shift+Enter`: …`: the keys alone teach nothing; each key asks what it does."""
    text = ("# Merge\nWhen you pick the target note, choose one of these methods:\n\n- `Enter`: Appends the note at the end.\n"
            "- `Shift+Enter`: Inserts the note at the start.\n- `Ctrl+Enter` (or `Cmd+Enter` on macOS): Creates a new note.\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "list"]
    assert [(c.front, c.back) for c in cards if c.rule == "definition"] == [
        ("`Enter`", "Appends the note at the end."), ("`Shift+Enter`", "Inserts the note at the start."),
        ("`Ctrl+Enter` (or `Cmd+Enter` on macOS)", "Creates a new note.")]


def test_an_error_s_cause_and_fix_listed_under_it_is_one_card() -> None:
    text = ("# NFS\n## 트러블슈팅\n### 2. PV가 `Terminating` 상태로 멈춤\n* **원인**: 이전 네임스페이스의 PVC가 PV를 물고 있음.\n"
            "* **해결**:\n    1. `kubectl delete pvc nfs-pvc -n default`\n    2. 안 사라질 경우 강제 삭제: `kubectl patch pv nfs-pv`\n\n"
            "### 4. 마운트 실패\n* **원인**: PV의 NFS 서버 IP가 틀림.\n* **해결**: 마스터 IP(`192.168.5.10`)로 수정.\n")
    cards = cards_of(text)
    assert [(c.rule, c.front, c.prompt) for c in cards] == [("symptom", "PV가 `Terminating` 상태로 멈춤", "원인과 해결은?")]
    assert "물고 있음" in cards[0].back and "kubectl patch pv" in cards[0].back  # one machine's address: no card


def test_a_task_s_solution_has_six_times_an_explanation_s_room() -> None:
    """A practice test's task is solved by its whole solution: 60 lines fit (an explanation keeps 12)."""
    steps = "\n".join(f"kubectl get pods -n ns{i}" for i in range(56))
    text = f"# CKA\n## Practice Test - Pods\n### 3\n어느 네임스페이스에 파드가 있는지 찾으시오.\n\n```sh\n{steps}\n```\n"
    [card] = cards_of(text)
    assert card.rule == "exercise" and "ns55" in card.back and "계속" not in card.back
    explained = f"# CKA\n## 파드 목록\n```sh\n{steps}\n```\n"
    assert not any("ns55" in c.back for c in cards_of(explained))  # (cut, or no card for the start of a script)


def test_a_topic_s_keys_are_asked_without_the_resources_and_at_most_six_at_once() -> None:
    limits = "".join(f"      {k}:\n        cpu: \"1\"\n        memory: 1Gi\n" for k in ("default", "defaultRequest", "min", "max"))
    text = f"# Limit Range\n```yaml\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: l\nspec:\n  limits:\n    - type: Container\n{limits}```\n"
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    hidden = re.findall(r"\{\{c1::([^}]*)\}\}", card.front)
    assert hidden == ["limits", "default", "defaultRequest", "min", "max"]  # not cpu/memory eight times
    probe = ("      livenessProbe:\n        httpGet:\n          path: /h\n          port: 80\n          scheme: HTTP\n"
             "        initialDelaySeconds: 3\n        periodSeconds: 5\n        timeoutSeconds: 1\n        failureThreshold: 3\n"
             "        successThreshold: 1\n")
    pod = f"# Liveness Probe\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n{probe}```\n"
    [card] = [c for c in cards_of(pod) if c.rule == "manifest"]
    group = re.search(r"\{\{c(\d)::httpGet\}\}", card.front).group(1)
    asked = re.findall(r"\{\{c" + group + r"::([^}]*)\}\}", card.front)
    assert asked == ["httpGet", "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold",
                     "successThreshold"]  # six, nearest the topic first: `port` and `scheme` stay shown


def test_a_list_of_statements_is_no_list_to_recite_but_names_with_meanings_are() -> None:
    statements = "# DNS\n## 조회\n설명.\n\n**IP 주소를 알아내는 과정**\n- 계층적이고 분산된 네임 서버들이 사용됨\n- 주요 네임 서버 유형: 로컬, 루트\n"
    assert not [c for c in cards_of(statements) if c.rule == "list"]
    named = "# 뉴스 피드\n## 상세 설계\n설명.\n\n**캐시 구조**\n- 뉴스 피드: 뉴스 피드의 ID를 보관한다.\n- 콘텐츠\n- 소셜 그래프\n"
    [listing] = [c for c in cards_of(named) if c.rule == "list"]
    assert listing.back == "- 뉴스 피드\n- 콘텐츠\n- 소셜 그래프"


def test_a_troubleshooting_heading_is_asked_with_its_topic() -> None:
    text = "# Obsidian Sync\n## Troubleshoot\nIf sync stops, check the status icon and the sync log for the failing file.\n"
    assert [c.front for c in cards_of(text)] == ["Obsidian Sync › Troubleshoot"]


def test_cases_and_examples_of_a_function_are_no_terms() -> None:
    """`- For strings: …`, `- For arrays: …` and the items under `Examples:` show uses of the section's function,
    which its explanation shows; an example's output under `출력 예시` is no card either."""
    text = ("# Filters\n## length\nReturns the length of strings, arrays, or number of keys in objects.\n\n"
            "- For strings: `\"hello\"|length` returns `5`.\n- For arrays: `[1,2]|length` returns `2`.\n\n"
            "## Reference properties\nUse properties in a formula.\n\nExamples:\n\n- `price * quantity`: multiply two note properties\n"
            "- `formula.ppu * 1.1`: use another formula property\n\n"
            "# Git Reflog\n## 출력 예시\n```\nabc1234 HEAD@{0}: commit: fix\ndef5678 HEAD@{1}: checkout: moving\n```\n")
    cards = cards_of(text)
    assert [c.rule for c in cards] == ["explain", "explain"]
    assert [c.front for c in cards] == ["length", "Reference properties"]


def test_an_empty_heading_names_what_the_next_one_describes() -> None:
    text = ("# 상태 코드\n## 4xx\n#### 403 Forbidden\n\n#### 서버가 요청을 이해했지만 승인을 거부함\n\n- 주로 접근 권한이 불충분한 경우\n\n"
            "## 데이터베이스\n### 형식\n### 데이터베이스 목록 확인\n```sql\nSHOW DATABASES;\n```\n")
    cards = cards_of(text)
    forbidden = next(c for c in cards if "권한" in c.back)
    assert forbidden.front == "403 Forbidden" and forbidden.back.startswith("**서버가 요청을 이해했지만 승인을 거부함**")
    assert forbidden.heading_path == ("상태 코드", "4xx", "403 Forbidden")  # the breadcrumb does not give it away
    assert "데이터베이스 목록 확인" in [c.front for c in cards]  # a topic under an empty heading is its own card


def test_a_template_in_a_code_block_under_a_list_item_is_no_cloze() -> None:
    text = ("# Daily notes\n## Template\n1. Create a note with this text:\n\n   ```md\n   # {{date:YYYY-MM-DD}}\n   ```\n\n"
            "2. Open **Settings** and pick it.\n\n## Sync\nThe vault is ==end-to-end encrypted== by default.\n")
    assert [c.front for c in cards_of(text) if c.rule == "cloze"] == ["The vault is {{c1::end-to-end encrypted}} by default."]


def test_a_block_of_three_objects_or_more_gives_a_card_per_object() -> None:
    """A whole app in one block is three questions, not one wall of blanks; an object Kubernetes rejects (the
    CronJob's `JobTemplate`) is none, and the others are asked as they are."""
    text = ("# Batch\n```yaml\napiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n"
            "      restartPolicy: Never\n      containers:\n      - name: a\n        image: busybox\n---\n"
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: \"0 3 * * *\"\n"
            "  JobTemplate:\n    spec: {}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n"
            "  type: NodePort\n  selector:\n    app: web\n  ports:\n  - port: 80\n```\n")
    cards = [c for c in linted_cards_of(text) if c.rule == "manifest"]
    assert [c.line for c in cards] == [3, 24]  # each at its document's first line
    assert [c.front.count("apiVersion: ") for c in cards] == [1, 1]
    assert [c.back.startswith("> [!warning]") for c in cards] == [False, False]  # JobTemplate is the CronJob's
    assert len([c for c in cards_of(text) if c.rule == "manifest"]) == 3  # without the lint
    two = text.replace("---\napiVersion: v1\nkind: Service", "apiVersion: v1\nkind: Service").replace(
        "  JobTemplate:\n    spec: {}\n", "  JobTemplate:\n    spec: {}\n---\n")
    assert len([c for c in cards_of(two.split("---\napiVersion: batch/v1\nkind: CronJob")[0] + "```\n")
                if c.rule == "manifest"]) == 1  # one object: one card, at the fence


def test_a_long_table_is_cut_to_its_first_rows_unless_the_front_asks_for_all_of_it() -> None:
    """A table too long for a card shows its first rows; but when the heading or its words ask for the whole set
    (`several preset providers`, `Search operators`), its first rows do not answer: no card."""
    rows = "".join(f"| Provider {i} | key from the provider's account page | model-{i}-large, model-{i}-small |\n" for i in range(30))
    table = f"| Provider | API key | Models |\n|---|---|---|\n{rows}"
    text = f"# Interpreter\n## Model catalogue\nInterpreter keeps a catalogue of models; each needs an API key.\n\n{table}"
    [card] = cards_of(text)
    assert "| Provider 4 |" in card.back and "| Provider 29 |" not in card.back and "continued in the note" in card.back
    assert cards_of(text.replace("keeps a catalogue of models", "includes several preset providers")) == []
    assert cards_of(text.replace("## Model catalogue", "## Search operators")) == []


def test_an_explanation_that_would_be_only_a_bold_lead_line_is_no_card() -> None:
    """A bold lead line whose list went to another card (its one item is a term with a card) is no explanation;
    a list only one of whose three items is such a term stays under it, and the explanation shows both."""
    text = ("# Redis\n### 사용하면 안되는 커맨드\n**Redis는 Single Thread로 동작**\n\n- SCAN 커맨드\n"
            "    - keys* 대신 key들을 나누어 재귀적으로 호출\n")
    assert not [c for c in cards_of(text) if c.rule == "explain"]
    more = text + ("- Hash에 아이템이 많아질수록 성능이 저하\n"
                   "- key를 del로 지우면 그 key를 지우는 동안 다른 동작 x → unlink 커맨드를 사용해 key를 백그라운드로 지우자\n")
    [card] = [c for c in cards_of(more) if c.rule == "explain"]
    assert card.back.startswith("**Redis는 Single Thread로 동작**\n\n- SCAN 커맨드") and "unlink" in card.back


def test_operator_examples_variants_and_announcements_are_no_cards() -> None:
    """`price * quantity` → multiply shows an operator, `Modified time (new to old)` tells a variant apart, and
    `The following summaries are available` announces what the card does not show: none is a card."""
    text = ("# Formulas\n## Use operators\nArithmetic operators perform math on numbers:\n\n- `price * quantity`: multiply\n"
            "- `(part / whole) * 100`: use parentheses for order of operations\n\n"
            "## Sort order\nThe options are:\n\n- File name (A to Z)\n- Modified time (new to old)\n- Modified time (old to new)\n\n"
            "## Built-in summaries\nThe following summaries are available by default.\n\n### Average\nThe mean of the numbers.\n")
    cards = cards_of(text)
    assert [c.front for c in cards if c.rule in ("definition", "term")] == []
    assert "Built-in summaries" not in [c.front for c in cards] and "Average" in [c.front for c in cards]


def test_a_lead_in_to_subsections_names_them_or_gives_no_card() -> None:
    """A section whose own text only leads into its subsections: kinds it announces are named on its back (as the
    subheadings name them); a difference it announces is no card (each side has its own); a definition stays."""
    text = ("# Query language\n## Value kinds\nThe language has a small type system used by its filters.\n\n"
            "### Text values\nQuoted with single or double quotes.\n\n### Moments in time\nMade with the `moment()` call.\n\n"
            "## exact vs fuzzy\nBoth find documents whose field matches the query, but they differ in how they match.\n\n"
            "### exact\nCompares the stored keyword as it is.\n\n### fuzzy\nSplits the query into words first.\n\n"
            "## Tokens\nA token is one unit of text the index stores.\n\n### Making tokens\nThe splitter cuts on spaces.\n\n"
            "### Token limits\nAt most 255 characters.\n")
    cards = {c.front: c.back for c in cards_of(text) if c.rule == "explain"}
    assert cards["Value kinds"] == ("The language has a small type system used by its filters.\n\n"
                                    "- Text values\n- Moments in time")
    assert "exact vs fuzzy" not in cards and cards["exact"] == "Compares the stored keyword as it is."
    assert cards["Tokens"] == "A token is one unit of text the index stores."  # a definition, not a lead-in
    korean = ("# 브랜치\n## squash vs merge\n두 가지 통합 방식의 차이.\n\n### 표\n| | squash | merge |\n|-|-|-|\n"
              "| 커밋 | 하나로 | 그대로 |\n\n## 저장소 종류\n![저장소 그림](https://example.org/kinds.png)\n\n"
              "### 로컬 저장소\n내 컴퓨터에 있는 저장소.\n\n### 원격 저장소\n서버에 있는 저장소.\n")
    cards = {c.front: c.back for c in cards_of(korean) if c.rule == "explain"}
    assert "squash vs merge" not in cards
    assert cards["저장소 종류"].endswith("\n\n- 로컬 저장소\n- 원격 저장소")


def test_a_line_in_bold_alone_starts_a_new_topic_not_more_of_the_answer() -> None:
    """`**Streams**` alone as a paragraph, after the section's own text and before text of its own, is a heading in
    all but name: the explanation stops there and the topic explains itself. An aspect of the section's own
    topic (`**장점**`), a statement in bold, and a bold line a lead-in announces go on being the answer."""
    text = ("# Queues\n## Broadcast channels\n- Messages are not stored: a subscriber that is away misses them.\n"
            "- Every subscriber gets every message.\n\n**Streams**\n- Stored on disk with an id per message.\n"
            "- Consumer groups share the work.\n\n"
            "## 큐 방식\n메시지를 순서대로 하나씩 전달한다.\n\n**장점**\n- 순서가 보장된다.\n\n"
            "**큐는 한 번에 하나씩 처리**\n- 느린 소비자가 전체를 막는다.\n\n"
            "## Formats\nThe broker accepts messages in these formats:\n\n**Binary**\n- Raw bytes, any encoding.\n")
    cards = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    assert cards["Broadcast channels"].back == ("- Messages are not stored: a subscriber that is away misses them.\n"
                                                "- Every subscriber gets every message.")
    streams = cards["Streams"]
    assert streams.back == "- Stored on disk with an id per message.\n- Consumer groups share the work."
    assert streams.heading_path == ("Queues", "Broadcast channels", "Streams") and streams.line == 6
    assert "**장점**" in cards["큐 방식"].back and "느린 소비자가 전체를 막는다" in cards["큐 방식"].back
    assert "**Binary**" in cards["Formats"].back and "Binary" not in cards
    kinds = ("# Java\n## Operator\nOperator는 두 가지 종류가 제공된다.\n\n**UnaryOperator**\n- 인자 하나를 받아 같은 타입을 반환\n\n"
             "**BinaryOperator**\n- 같은 타입의 인자 둘을 받아 같은 타입을 반환\n")
    cards = {c.front: c.back for c in cards_of(kinds) if c.rule == "explain"}
    assert cards["Operator"] == "Operator는 두 가지 종류가 제공된다.\n\n- UnaryOperator\n- BinaryOperator"
    assert cards["UnaryOperator"] == "- 인자 하나를 받아 같은 타입을 반환"


def test_a_cut_does_not_fall_inside_the_example_its_lead_in_announces() -> None:
    """`A small example:` over a code block: the block is shown whole (up to twice the room), so the decorated
    function is on the card, and so are the words right after it that say what it does, as far as they fit in that
    room; the cut falls after them. A long script alone still gives no card."""
    code = ("def logged(func):\n    def wrapper():\n        print('before the call, with some context')\n        func()\n"
            "        print('after the call, with some context')\n    return wrapper\n\n@logged\ndef greet():\n"
            "    print('hello')\n\ngreet()")
    remarks = "\n\n".join(f"Remark {n}: the wrapper runs around the original call and can add work before and after it."
                          for n in range(1, 12))
    [card] = cards_of(f"# Decorators\n## A small example\nA small example:\n\n```python\n{code}\n```\n\n{remarks}\n")
    assert f"```python\n{code}\n```" in card.back and "Remark 1:" in card.back and "Remark 11:" not in card.back
    assert len(card.back) <= 2 * CONFIG.max_answer_chars + 80 and "continued in the note" in card.back
    script = "\n".join(f"echo step {n} of the setup, which does one small thing at a time" for n in range(40))
    assert cards_of(f"# Setup\n## Setup script\n```bash\n{script}\n```\n") == []


# --- a vague activity heading over bare commands -----------------------------------------------------------------

def test_a_vague_activity_heading_over_bare_commands_asks_nothing() -> None:
    text = ("# Quotas\nQuotas cap what a namespace may use.\n\n## Managing Quotas\n\n```sh\nkubectl get quota\n```\n\n"
            "## Quota Management\n\nRun `kubectl describe quota` to see them.\n\n```sh\nkubectl describe quota\n```\n\n"
            "## Scale a deployment\n\n```sh\nkubectl scale deploy web --replicas=3\n```\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert "Managing Quotas" not in fronts and "Quota Management" not in fronts
    assert "Scale a deployment" in fronts  # the heading says the action: it stays


def test_commented_commands_under_a_vague_heading_are_a_card_each() -> None:
    text = ("# Taints\nTaints repel pods.\n\n## Operational Snippets\n\n```sh\n# List the taints of every node\n"
            "kubectl get nodes -o wide\n\n# Roles\nkubectl get role\n\nkubectl get ns\n```\n\n"
            "## 볼륨 명령어\n```\ndocker volume ls - 볼륨 목록 보기\ndocker volume rm 이름 - 볼륨 지우기\n```\n")
    found = [(c.front, c.back, c.line) for c in cards_of(text, "Taints.md") if c.rule == "explain"]
    assert ("Taints › List the taints of every node", "```sh\nkubectl get nodes -o wide\n```", 7) in found
    assert ("Taints › 볼륨 목록 보기", "```sh\ndocker volume ls\n```", 18) in found
    assert ("Taints › 볼륨 지우기", "```sh\ndocker volume rm 이름\n```", 19) in found
    assert not any("Operational Snippets" in front or "Roles" in front or "명령어" in front for front, _, _ in found)


def test_commented_commands_under_a_heading_that_sets_a_task_are_its_one_answer() -> None:
    """`### See its logs and delete it` over `kubectl logs … # you will see the date and message` (an exercise
    collection's shape): the task is the question and its commands the answer; what the comments say (the output
    to expect, what `cj` stands for) asks nothing of its own. Under a topic heading they are still a card each."""
    text = ("# Cron jobs\n## See its logs and delete it\n\n```bash\nkubectl get po # copy the ID of the new pod\n"
            "kubectl logs busybox-1 # you will see the date and message\nkubectl delete cj busybox # cj stands for "
            "cronjob\n```\n")
    [task] = cards_of(text, "Cron.md")
    assert (task.front, task.prompt) == ("See its logs and delete it", "Write the command")
    assert "kubectl delete cj busybox" in task.back
    topic = ("# 노드\n## 노드 제어\n\n```bash\n# 노드를 클러스터에서 제외합니다.\nkubectl drain node1\n"
             "# 노드를 다시 받습니다.\nkubectl uncordon node1\n```\n")
    assert [c.front for c in cards_of(topic, "노드.md")] == ["노드 제어 › 노드를 클러스터에서 제외합니다.", "노드 제어 › 노드를 다시 받습니다."]


def test_html_that_only_wraps_an_answer_is_on_no_card() -> None:
    """`<details><summary>Solution</summary>` ⏎ `<p>` right under a list of questions (public exercise collections
    fold their answers so): the tags wrap what the reader reads and are no part of it; they were shown raw on the
    answer, between the question and the solution."""
    text = ("# DaemonSets\n## Understand the role of DaemonSets\n\nQuestions:\n- Create a DaemonSet and see that it "
            "runs on all nodes.\n\n<details><summary>Solution</summary>\n<p>\n\n```bash\nkubectl apply -f ds.yaml\n"
            "kubectl get pods -o wide\n```\n\n</p>\n</details>\n")
    [card] = cards_of(text)
    assert "kubectl apply -f ds.yaml" in card.back and "Create a DaemonSet" in card.back
    assert "<details" not in card.back and "<p>" not in card.back and "Solution" not in card.back


def test_a_question_set_to_the_reader_in_a_list_defines_nothing() -> None:
    """`10. (Optional) Discuss: Can you expose the Pods as a service without a deployment?` at the end of an exercise's
    steps: a question for the reader, not a term and its meaning (five such cards in a public CKAD course)."""
    text = ("# Exercise 29\n\n1. Create a Deployment named `web`.\n2. (Optional) Discuss: Can you expose the Pods as a "
            "service without a deployment?\n\n## Terms\n- Service: a stable address for a set of Pods\n")
    fronts = [c.front for c in cards_of(text) if c.rule in ("definition", "term")]
    assert fronts == ["Service"]


def test_a_trail_of_documentation_pages_down_to_a_link_is_no_explanation() -> None:
    """`## Secrets` over `kubernetes.io > Documentation > Concepts > Configuration > [Secrets](https://…)` (a chapter's
    references, as exercise collections open each chapter): where to read, nothing to recall."""
    text = ("# Configuration\n## Secrets\n\nkubernetes.io > Documentation > Concepts > Configuration > [Secrets]"
            "(https://kubernetes.io/docs/concepts/configuration/secret/)\n\nkubernetes.io > Documentation > Tasks > "
            "[Distribute Credentials](https://kubernetes.io/docs/tasks/inject-data-application/)\n\n"
            "## ConfigMaps\n\nA ConfigMap > an env file: it holds settings apart from the image.\n")
    assert [c.front for c in cards_of(text) if c.rule == "explain"] == ["ConfigMaps"]


def test_line_breaks_a_note_puts_between_its_parts_for_space_are_on_no_side() -> None:
    """`<br>` or `<br><br>` on lines of their own after a section (how some notes space their parts) ended the
    answers of 158 of 613 cards of a Korean study vault as blank space; one inside the text stays."""
    text = "# Helm\n## 설치\n\n* 차트 저장소를 추가한다.<br>먼저.\n* 설치한다.\n\n<br><br>\n\n## 삭제\n\n* 릴리스를 지운다.\n\n<br>\n"
    backs = [c.back for c in cards_of(text)]
    assert backs and all(not back.rstrip().endswith(">") for back in backs)
    assert any("추가한다.<br>먼저." in back for back in backs)


def test_a_table_of_an_objects_fields_asks_each_field_with_the_object() -> None:
    """`### (2) 스테이트풀셋의 사양` over `항목 | 설명` rows `serviceName`, `replicas`, … (a Kubernetes book's tables of
    a kind's spec): a card per field, asked with the object, where the whole table had been one answer to recite; a
    row that only points to another table (`tls | 표7 참고`) asks nothing."""
    text = ("# 스테이트풀셋\n### (2) 스테이트풀셋의 사양\n|항목|설명|\n|---|---|\n|serviceName|헤드리스 서비스의 이름|\n"
            "|replicas|기동하는 파드 수를 지정|\n|selector.matchLabels|제어하의 파드를 고르는 라벨|\n|tls|표7 참고|\n")
    cards = [(c.front, c.back, c.prompt) for c in cards_of(text)]
    assert cards == [("스테이트풀셋 › serviceName", "헤드리스 서비스의 이름", "무엇인가요?"),
                     ("스테이트풀셋 › replicas", "기동하는 파드 수를 지정", "무엇인가요?"),
                     ("스테이트풀셋 › selector.matchLabels", "제어하의 파드를 고르는 라벨", "무엇인가요?")]


def test_a_files_name_at_a_prompt_labels_the_lines_under_it_which_are_no_output() -> None:
    """`$ vip-daemonset.yml` over the manifest in a bare fence: the file's lines as the note shows them, not what a
    command printed (left out, they had cut the manifest down to its last lines after a comment)."""
    from flashgen.cards.plain import EDITED, transcript

    lines = ["$ vip-daemonset.yml", "apiVersion: apps/v1", "kind: DaemonSet", "# to use unicast", "args:"]
    assert transcript(lines)[1:3] == [EDITED, EDITED]


def test_a_separator_inside_square_brackets_is_no_separator() -> None:
    """`Forwarding from [::1]:8080 -> 80` (what `kubectl port-forward` prints, pasted into a note): the `::` of an
    address in brackets made a card `Forwarding from [` → `1]:8080 -> 80`; `Q::A` beside it still is one."""
    text = "# 포트포워딩\n\nForwarding from [::1]:8080 -> 80\n\n포트포워딩을 멈추는 키::Ctrl+C\n"
    assert [(c.front, c.back) for c in cards_of(text) if c.rule == "explicit"] == [("포트포워딩을 멈추는 키", "Ctrl+C")]


def test_a_heading_that_is_only_a_url_gives_no_explanation() -> None:
    """`# https://linuxize.com/post/bash-comments/` (a script's comment, written outside a fence, read as a heading):
    a front that is only an address asks nothing."""
    text = "# https://linuxize.com/post/bash-comments/\n\nkubectl delete -f pod.yaml --now\n\n# Pods\n\nA Pod runs containers.\n"
    assert [c.front for c in cards_of(text)] == ["Pods"]


def test_a_keycap_number_a_heading_opens_with_is_left_off_the_front() -> None:
    """`## 1️⃣ kube-proxy`, `## 4️⃣ Kubernetes 구조에서 위치` (a list's numbering drawn as emoji keycaps, as the
    emoji a heading opens with is left off: `📦 즉시 적용`)."""
    text = "# 3장 kube-proxy\n## 1️⃣ kube-proxy\nService 트래픽을 Pod로 전달하는 Node 컴포넌트\n"
    assert [c.front for c in cards_of(text)] == ["kube-proxy"]


def test_a_labs_objectives_are_no_knowledge() -> None:
    """`## Objective` ⏎ `1. Explore PersistentVolume` (each exercise of a study repository opens so), `## 학습 목표`: what
    the lesson sets out to do, nothing to recall (56 such cards in gbih/Kubernetes-study-notes)."""
    text = ("# 6.5.2 Creating a PersistentVolume\n## Objective\n1. Explore PersistentVolume\n\n## 학습 목표\n- PV 이해\n\n"
            "## Notes\n- A PersistentVolume is storage the cluster provides, apart from any pod.\n")
    assert [c.front for c in cards_of(text)] == ["Creating a PersistentVolume › Notes"]


def test_a_prompt_set_in_under_a_commands_output_is_part_of_that_output() -> None:
    """`$ docker run hello-world` prints, among its lines, ` $ docker run -it ubuntu bash`: set in deeper than the
    command, it is what the command printed, not a command the note runs; a block set in as a whole keeps its
    commands."""
    from flashgen.cards.plain import PRINTED, TYPED, transcript

    lines = ["$ docker run hello-world", "Hello from Docker!", " $ docker run -it ubuntu bash", "", "$ docker images"]
    assert transcript(lines) == [TYPED, PRINTED, PRINTED, "", TYPED]
    assert transcript(["  $ kubectl get pods", "  NAME   READY", "  $ kubectl get svc"]) == [TYPED, PRINTED, TYPED]


# --- a back that runs on into the next topic or task -------------------------------------------------------------

def test_a_bold_topic_with_a_subtitle_ends_the_topic_before_it() -> None:
    text = ("# Store\n## 설계\n본문이 여기 있다.\n\n**일관성 모델**\n\n- 강한 일관성: 항상 최신 값을 읽는다.\n- 약한 일관성: 낡은 값을 읽을 수 있다.\n\n"
            "**충돌 해소 기법: 벡터 시계**\n\n- 사본마다 버전 쌍을 단다.\n- 충돌은 클라이언트가 해소한다.\n\n"
            "**주의: 아래는 예시다**\n\n- 이 줄은 앞 주제의 일부다.\n")
    cards = {c.front: c.back for c in cards_of(text)}
    assert not any("버전 쌍" in back for front, back in cards.items() if front != "충돌 해소 기법: 벡터 시계")
    assert "사본마다 버전 쌍을 단다" in cards["충돌 해소 기법: 벡터 시계"]
    assert "앞 주제의 일부다" in cards["충돌 해소 기법: 벡터 시계"]  # `**주의: …**` is a remark, not a topic


def test_the_next_number_of_a_practice_test_is_the_next_task_however_worded() -> None:
    text = ("# Lab\n## Practice Test - Services\n\n1. 서비스 개수를 찾으시오.\n\n```sh\n$ kubectl get svc\n```\n\n"
            "2. 데몬셋으로 프록시가 도는 것을 확인합니다.\n\n```sh\n$ kubectl get ds -A\n```\n")
    tasks = {c.front: c.back for c in cards_of(text) if c.rule == "exercise"}
    assert "kubectl get ds" not in tasks["서비스 개수를 찾으시오."] and "데몬셋" not in tasks["서비스 개수를 찾으시오."]
    assert "kubectl get ds -A" in tasks["데몬셋으로 프록시가 도는 것을 확인합니다."]


# --- a manifest field explained by the example's own values ------------------------------------------------------

def test_fields_explained_by_the_example_values_go_under_the_manifest() -> None:
    text = ("A LimitRange sets limits per namespace.\n## Manifest File\n\n```yaml\napiVersion: v1\nkind: LimitRange\n"
            "metadata:\n  name: lr\nspec:\n  limits:\n    - type: Container\n      default:\n        cpu: \"1\"\n"
            "      max:\n        cpu: \"2\"\n        memory: \"2Gi\"\n```\n"
            "- **max**: a container may not use more than **2 CPU and 2Gi**.\n"
            "- **default**: the limit given to a container that sets none.\n")
    cards = cards_of(text, "Limit Range.md")
    fronts = [c.front for c in cards if c.rule == "definition"]
    assert "max" not in fronts  # the example's numbers are not what `max` means
    assert "default" in fronts  # a general meaning stays a card
    [manifest] = [c for c in cards if c.rule == "manifest"]
    assert "2 CPU and 2Gi" in manifest.back  # shown with the example it describes


# --- an outline taken for a set, and a heading that only says what it is about -------------------------------------

def test_a_list_of_labels_over_their_own_content_is_not_a_set_to_recite() -> None:
    text = ("# 전송\n## 오류 제어\n\n**재전송 기반 제어**\n- 재전송 기법: ARQ(자동 재전송 요구)\n  - 응답과 타임아웃으로 문제를 진단한다\n"
            "- ARQ의 대표적인 3가지 방식\n  - Stop-and-Wait\n  - Go-Back-N\n  - Selective Repeat\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "list" and "ARQ의 대표적인 3가지 방식" in c.back]
    assert any(c.front == "ARQ의 대표적인 3가지 방식" and "Go-Back-N" in c.back for c in cards)


def test_a_heading_that_only_says_what_it_is_about_is_asked_with_its_topic() -> None:
    text = ("# rand - 난수\n난수를 만든다.\n\n## 컬렉션 관련\n\n```rust\nlet mut v = vec![1, 2, 3];\n// 섞기\nv.shuffle(&mut rng);\n"
            "// 하나 고르기\nlet one = v.choose(&mut rng);\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain" and "shuffle" in c.back]
    assert card.front == "rand - 난수 › 컬렉션 (섞기, 하나 고르기)"


# --- a heading over a manifest alone, and an object without a spec --------------------------------------------------

def test_an_object_without_a_spec_under_an_example_heading_is_a_cloze_of_its_fields() -> None:
    text = ("A RuntimeClass picks the container runtime of a pod.\n\n## Example Manifest\n\n```yaml\n"
            "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: sandboxed\nhandler: runsc\n"
            "description: \"gVisor sandbox\"\n```\n")
    cards = cards_of(text, "Runtime Class.md")
    assert not [c for c in cards if c.rule == "explain" and "handler" in c.back]  # no heading over the manifest
    [card] = [c for c in cards if c.rule == "manifest"]
    assert "{{c1::handler}}: runsc" in card.front and "{{c1::description}}" not in card.front


def test_a_section_that_is_only_a_custom_object_or_a_fragment_gives_no_explanation() -> None:
    text = ("# Widgets\nA CRD adds the Widget kind.\n\n## Trying It Out\n\n```yaml\napiVersion: shop.example.org/v1\n"
            "kind: Widget\nmetadata:\n  name: blue\nspec:\n  colour: blue\n```\n\n## Sample Manifest\n\n```yaml\n"
            "volumes:\n  - name: scratch\n    emptyDir: {}\n```\n")
    cards = cards_of(text)
    assert not [c for c in cards if "colour" in c.back or "scratch" in c.back]


def test_a_section_that_is_only_a_built_in_object_asks_its_spec() -> None:
    text = ("# Claims\n## Persistent Volume Claimz\n\n```yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n"
            "  name: data\nspec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n```\n")
    cards = cards_of(text)
    [card] = [c for c in cards if c.rule == "manifest"]
    # (`accessModes` and `resources` right under `spec` are a claim's shape: its kind stays shown)
    assert "{{c1::accessModes}}" in card.front and "kind: PersistentVolumeClaim\n" in card.front
    assert not [c for c in cards if c.rule == "explain"]


# --- a shell prompt is not a pinned version ------------------------------------------------------------------------

def test_steps_over_commands_typed_at_a_root_prompt_keep_their_commands() -> None:
    text = ("# 업그레이드\n## 문제\nUpgrade the control plane node to 1.27.1.\n\n## 풀이\n버전 정보를 가져옵니다.\n\n```sh\n"
            "root@cp# apt update\nroot@cp# apt-cache madison kubeadm\n```\n\nkubelet을 재시작합니다.\n\n```sh\n"
            "root@cp# systemctl daemon-reload\nroot@cp# systemctl restart kubelet\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "exercise"]
    assert "apt-cache madison kubeadm" in card.back and "systemctl restart kubelet" in card.back


def test_a_requirements_list_is_still_left_out() -> None:
    text = "# 설치\n## 의존성\n패키지 목록입니다.\n\n```\nfastapi==0.109.0  # web\nuvicorn==0.27.0\n```\n"
    assert not [c for c in cards_of(text) if "fastapi" in c.back]


# --- a task title over its topic's definition ----------------------------------------------------------------------

def test_the_text_above_a_tasks_problem_is_asked_with_its_topic_not_the_task() -> None:
    text = ("# 기출\n## 7. NetworkPolicy 구성\n\n네트워크 폴리시는 파드 사이의 트래픽을 레이블로 허용하거나 막는 규칙입니다.\n\n"
            "### 문제\n\nweb 파드로 가는 트래픽을 app=api 파드에서만 허용하시오.\n\n### 답안\n\n```sh\nkubectl apply -f np.yaml\n```\n")
    cards = cards_of(text)
    [card] = [c for c in cards if c.rule == "explain" and "트래픽을 레이블로" in c.back]
    assert card.front == "NetworkPolicy"
    assert any(c.rule == "exercise" and "app=api" in c.front for c in cards)  # the task keeps its own card


# --- cut lists the front asks for ----------------------------------------------------------------------------------

def test_a_set_of_kinds_split_by_rules_gives_no_card_of_its_first_kind() -> None:
    parts = "\n\n---\n\n".join(f"> [!{kind}]\n> A {kind} box." for kind in ("note", "warning", "danger", "quote"))
    text = f"# Boxes\n## Supported kinds\n\nSeveral box kinds exist, each with its own colour.\n\n{parts}\n"
    assert not [c for c in cards_of(text) if c.rule == "explain" and c.front.endswith("Supported kinds")]


def test_a_rule_before_a_related_link_still_ends_a_whole_table() -> None:
    text = ("# Events\n## Event types\n\n| Event | Meaning |\n|---|---|\n| Created | an object was made |\n"
            "| Deleted | an object was removed |\n\n---\n\nSee also [[Storage]].\n")
    assert [c for c in cards_of(text) if c.rule == "explain" and "Created" in c.back and "Deleted" in c.back]


def test_steps_announced_by_a_lead_in_and_cut_give_no_card() -> None:
    colours = ("red", "blue", "green", "white", "black", "pink", "grey", "gold", "teal", "plum", "navy", "lime") * 3
    steps = "\n".join(f"- Put the {colour} card in tray {n}, then close the lid and wait for the light to turn {colour}."
                      for n, colour in enumerate(colours))
    text = (f"# Devices\n## Tablet\n\nTablets sync through the vendor's cloud.\n\n**How to store your vault there**:\n\n"
            f"{steps}\n")
    assert not [c for c in cards_of(text) if c.rule == "explain" and c.front == "Tablet"]


def test_a_list_its_lead_in_names_already_is_not_asked() -> None:
    text = ("# Reload\n## Applying settings\n\nSome settings are hot reloaded, while others need a restart:\n\n"
            "- **Hot-reloadable**: hotkeys and appearance.\n- **Needs restart**: CSS snippets and plugin states.\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "list"]
    assert any(c.rule == "definition" and c.front == "Hot-reloadable" for c in cards)
    kinds = ("# Probes\n## Mechanisms\n\nKubernetes supports different probe mechanisms:\n\n- **HTTP Probe**: a GET.\n"
             "- **TCP Probe**: a connection.\n- **Exec Probe**: a command.\n")
    assert [c for c in cards_of(kinds) if c.rule == "list"]  # `probe` is shared: the lead-in names none of them


def test_a_case_explained_by_the_same_case_is_no_definition() -> None:
    text = ("# Snapshots\n## Snapshot files\n\n**적합한 사용 사례**\n* 트래픽이 적은 경우: 하루 요청 수가 몇백 건 이하로 유지되는 경우\n"
            "* 빠른 복구가 필요한 경우: 파일 하나를 읽어 바로 복구할 수 있어 유리\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "definition" and c.front == "트래픽이 적은 경우"]
    assert [c for c in cards if c.rule == "definition" and c.front == "빠른 복구가 필요한 경우"]
    assert [c for c in cards if c.rule == "list" and "트래픽이 적은 경우" in c.back]


def test_a_list_of_solutions_names_the_problem_above_it() -> None:
    text = ("# 인증\n### 토큰 검사\n**문제점**\n* `hasRole('ADMIN')`이 항상 거부됨\n  * 발급된 토큰에 역할이 없다\n\n**해결**\n"
            "* 토큰 생성 시 역할도 담도록 커스텀\n* 인터셉터에서 DB 조회로 역할 검증\n")
    [card] = [c for c in cards_of(text) if c.rule == "list" and "역할도 담도록" in c.back]
    assert card.front == "토큰 검사 › 해결 (`hasRole('ADMIN')`이 항상 거부됨)"


def test_a_generic_subheading_after_a_bold_topic_is_asked_with_that_topic() -> None:
    text = ("# HTTP\n### 메서드 속성\n\n메서드마다 성질이 다르다.\n\n**안전**\n\n호출해도 리소스가 바뀌지 않는다\n\n**멱등**\n\n"
            "여러 번 호출해도 결과가 같다\n\n#### 활용\n\n* 응답이 없을 때 같은 요청을 다시 보내도 되는지 판단\n\n"
            "재시도는 같은 사용자의 같은 요청만 고려\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain" and "다시 보내도" in c.back]
    assert card.front == "멱등 › 활용"


def test_a_statement_over_a_list_of_names_asks_for_the_names() -> None:
    text = ("# 라우팅\n## 거리 벡터\n\n**RIP**\n- RIP의 타이머는 경로를 관리하는 시간 값\n  - update\n  - invalid\n  - flush\n"
            "- 홉 수가 15를 넘으면 도달 불가\n")
    cards = cards_of(text)
    [card] = [c for c in cards if "flush" in c.back]
    assert (card.rule, card.front, card.back) == ("list", "RIP의 타이머 (경로를 관리하는 시간 값)",
                                                  "- update\n- invalid\n- flush")
    assert card.prompt == "3가지를 나열해 보세요"


def test_a_wrap_up_of_several_points_is_no_card_and_a_closing_line_in_bold_ends_the_topic_above() -> None:
    text = ("# 캐시 설계\n### 캐시 설계\n\n캐시는 자주 읽는 데이터를 메모리에 둔다.\n\n**만료 정책**\n\n"
            "* TTL이 지나면 항목을 버린다.\n* 너무 짧으면 적중률이 떨어진다.\n\n**팁**\n\n* 키 이름에 버전을 붙여라.\n"
            "* 값의 크기를 재어 두라.\n\n**마무리**\n\n* 좋은 캐시는 빠르고 일관되다.\n* 추가 논의 사항\n  * 지역 분산\n"
            "  * 장애 복구\n\n## 정리\n\n| 정책 | 기준 |\n|---|---|\n| TTL | 시간 |\n| LRU | 최근 사용 |\n")
    cards = cards_of(text)
    expiry = next(c for c in cards if c.front == "만료 정책")
    assert "버전" not in expiry.back  # the tips of the whole section are not the end of its last topic
    assert not [c for c in cards if "추가 논의" in c.back or "LRU" in c.back]  # a grab-bag, a summary table: no card
    assert all(c.front not in ("마무리", "팁", "정리") for c in cards)


def test_a_summary_paragraph_is_asked_with_its_topic_and_a_design_step_names_the_system() -> None:
    text = ("# 설계\n### 채팅 시스템 설계\n\n채팅 앱을 설계한다.\n\n**문제 이해 및 설계 범위 확정**\n\n"
            "1. 1:1 채팅과 그룹 채팅을 모두 지원한다.\n2. 하루 사용자는 5천만 명이다.\n\n"
            "## 람다 vs 익명 클래스\n\n람다가 대부분을 대신한다.\n\n### 정리\n\n"
            "여러 메서드를 구현하거나 상태를 가져야 하면 익명 클래스를 쓰고, 그 밖에는 람다를 쓴다.\n")
    fronts = {c.front for c in cards_of(text) if c.rule == "explain"}
    assert "채팅 시스템 설계 › 문제 이해 및 설계 범위 확정" in fronts
    assert "람다 vs 익명 클래스 › 정리" in fronts


def test_commented_commands_under_a_topic_ask_for_each_command_not_an_explanation() -> None:
    text = ("# DB\n## 고가용성\n#### 복제 전환 (Switchover)\n```bash\n# 수동 전환 실행\ndbctl instances switch shop-db-ha\n\n"
            "# 현재 상태 조회\ndbctl instances show shop-db-ha --field=state\n```\n\n"
            "#### 안전한 순서\n```bash\n# 1. 먼저 받기\ngit fetch\n# 2. 병합\ngit merge origin/main\n```\n\n"
            "#### 그림\n```\n# 병합 후\nA---B---C main\n```\n")
    cards = cards_of(text)
    asked = {c.front: c for c in cards if c.prompt == "명령어는?"}
    assert set(asked) == {"복제 전환 (Switchover) › 수동 전환 실행", "복제 전환 (Switchover) › 현재 상태 조회"}
    assert "dbctl instances switch shop-db-ha" in asked["복제 전환 (Switchover) › 수동 전환 실행"].back
    assert not [c for c in cards if c.front == "복제 전환 (Switchover)"]
    # numbered steps keep their order on one explanation; a drawing in a bare fence is no command
    assert {"안전한 순서", "그림"} <= {c.front for c in cards if c.rule == "explain"}


def test_a_cut_explanation_does_not_end_on_a_sentence_announcing_limits() -> None:
    long = " ".join(["Sharing your own work is welcome in the showcase channel of the forum."] * 6)
    rules = "\n\n".join(f"**Rule {n}** {' '.join(['Posting only links without taking part is removed.'] * 4)}"
                        for n in range(1, 5))
    [card] = [c for c in cards_of(f"# Conduct\n#### Self promotion\n\n{long}\n\nBut there are limits.\n\n{rules}\n")
              if c.front == "Self promotion"]
    shown = card.back.split("[[n#")[0].rstrip()
    assert "continued in the note" in card.back and not shown.endswith("limits.")
    # what it announces shows in whole sentences as far as the room goes: the first rule, not the others
    assert shown.endswith("removed.") and "**Rule 1**" in shown and "Rule 2" not in shown


def test_a_lead_in_over_subsections_named_by_code_lists_what_they_offer() -> None:
    text = ("# Functions\n## Time type\n\nFunctions you can use with a time of day.\n\n### Fields\n\n| Field | Type |\n|---|---|\n"
            "| `time.hour` | number |\n\n### `shift()`\n\nMoves the time by a duration.\n\n"
            "### `label()`\n\nFormats the time for display.\n")
    [card] = [c for c in cards_of(text) if c.front == "Time type"]
    assert card.back.endswith("- `shift()`\n- `label()`")


# --- cuts that hide the answer ------------------------------------------------------------------------------------

def test_a_label_in_bold_goes_on_over_the_list_its_lead_in_announces() -> None:
    """`**Trie**` over a paragraph that ends `…핵심 아이디어는 다음과 같다.` and the list under it: the list is the
    answer, so the label's card goes on over the blocks under its paragraph, up to the next line in bold."""
    text = ("# 검색\n## 상세 설계\n설계는 세 부분으로 나뉜다.\n\n**트라이 자료구조**  \n트라이는 문자열을 간략하게 저장하는 자료구조다. "
            "핵심 아이디어는 다음과 같다.\n- 트라이는 트리 형태다.\n- 루트 노드는 빈 문자열이다.\n\n"
            "노드는 글자 하나를 저장한다.\n\n**저장소 규모 확장**  \n첫 글자로 샤딩한다.\n\n"
            "- 두 대라면 a부터 m까지 첫 번째 서버에 둔다.\n\n서버는 최대 26대로 제한된다.\n")
    cards = {c.front: c.back for c in cards_of(text) if c.rule == "label"}
    trie = cards["**트라이 자료구조**"]
    assert trie.startswith("트라이는") and "- 루트 노드는 빈 문자열이다." in trie and "노드는 글자 하나를" in trie
    assert "첫 글자로" not in trie  # the next label starts its own card
    assert "최대 26대" in cards["**저장소 규모 확장**"]
    # a lead-in whose content is not there goes, and with nothing left, so does the card
    assert not [c for c in cards_of("# 검색\n## 설계\n시작.\n\n**빈도 테이블**  \n빈도 테이블을 둔다. 상태는 다음과 같이 바뀐다.\n\n"
                                    "```mermaid\ngraph TD; A-->B\n```\n") if c.rule == "label"]


def test_a_list_of_links_its_lead_in_announces_is_the_answer() -> None:
    """`Report the incident on one of the following community channels:` over links: the channels are the answer,
    not pointers; links a lead-in sends the reader to (`see the following pages:`) still go."""
    text = ("# Help\n## Report a violation\nYou can report the incident to our moderator team.\n\n"
            "Report the incident on one of the following community channels:\n\n"
            "- [[Conduct#Report on Discord|Report on Discord]]\n- [[Conduct#Report on the forum|Report on the forum]]\n\n"
            "## Mobile\nThe app runs on phones and tablets alike, with the same vault format.\n\n"
            "For OS-specific features, see the following pages:\n\n- [[iOS]]\n- [[Android]]\n")
    cards = {c.front: c.back for c in cards_of(text) if c.rule == "explain"}
    assert "Report on Discord]]" in cards["Report a violation"] and "continued" not in cards["Report a violation"]
    mobile = cards["Help › Mobile"]  # (a platform alone is asked with the heading it qualifies)
    assert "[[iOS]]" not in mobile and "see the following" not in mobile


def test_a_link_written_in_code_is_the_syntax_not_a_link() -> None:
    text = ("# Obsidian\n## Supported formats\nObsidian supports the following link formats:\n\n"
            "- Wikilink: `[[Three laws]]` or `[[Three laws.md]]`\n- Markdown: `[Three laws](Three%20laws.md)` or "
            "`[Three laws](Three laws.md)`\n")
    assert ("definition", "Wikilink", "`[[Three laws]]` or `[[Three laws.md]]`") in sides(cards_of(text))


def test_an_aside_gives_way_to_the_commands_it_stands_beside() -> None:
    """A `Quick start` whose warning callout takes the room the commands need: the callout is left out first (the
    card links to the note) and the commands are shown; a section of callouts (`Supported types`) is not thinned."""
    commands = "\n".join(f"ob step-{n} --vault \"My Vault\"  # step {n} of the setup" for n in range(17))
    text = ("# Headless\n## Quick start\n> [!warning] Back up first\n> 1. Always back up your data before you start.\n"
            "> 2. Do not use the desktop app and this client on one device.\n\nInstall the client:\n\n"
            f"```shell\nnpm install -g headless-client\n```\n\nThen run:\n\n```shell\n{commands}\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert "ob step-16" in card.back and "Back up first" not in card.back and "continued in the note" in card.back


def test_words_after_code_stop_at_the_caption_of_the_next_code() -> None:
    code = "\n".join(f"rule_{n}: allow" for n in range(16))
    text = (f"# Policies\n## Manifest\nBlock all traffic:\n\n```yaml\n{code}\n```\n\n"
            f"Allow inbound traffic by labels\n\n```yaml\n{code}\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert "rule_15: allow" in card.back and "Allow inbound" not in card.back


@pytest.mark.parametrize("lead_in, items", [
    ("To reach the dashboard, allow these hosts:", "- **Web**: `dash.example.com`\n- **API**: `api.dash.example.com`\n"),
    ("**프레임의 데이터**", "- 페이로드: 상위 계층의 내용\n- 최대 크기: 1500바이트\n- 최소 크기: 46바이트\n"),
    ("Keep your projects in these folders:", "- **Windows**: anywhere outside the synced Documents folder\n"
                                             "- **macOS**: your home folder, not iCloud Drive\n"),
    ("How a merge ends depends on the file type:", "- **Text files**: the changes are merged line by line.\n"
                                                   "- **Binary files**: the newest copy wins.\n"),
    ("**계층별 장비**", "- 물리 계층의 대표 장비 - 허브\n- 데이터 링크 계층의 대표 장비 - 스위치\n"),
    ("**해시 재배치 예시**", "- 서버 3대인 상황\n  - 키 A → hash(A) % 3 = 0\n- 서버 4대인 상황\n  - 키 A → hash(A) % 4 = 2\n"),
])
def test_labels_whose_content_is_the_answer_are_no_list_to_recite(lead_in: str, items: str) -> None:
    cards = cards_of(f"# Notes\n## Section\n\n{lead_in}\n\n{items}")
    assert not [c for c in cards if c.rule == "list"]
    assert [c for c in cards if c.rule in ("definition", "term", "explain")]  # the values stay, on the items' or the
    # section's card


def test_named_kinds_shown_by_examples_stay_a_list_to_recite() -> None:
    text = ("# Linking\n## Internal links\n\nThe editor supports these link formats:\n\n- **Wikilink**: `[[Pod basics]]`\n"
            "- **Markdown**: `[Pod basics](Pod%20basics.md)`\n\n## Files\n\nFiles come in these types:\n\n"
            "- **Notes**: `.md`\n- **Canvases**: `.canvas`\n- **Images**: `.png`, `.jpg`\n")
    lists = [c.back for c in cards_of(text) if c.rule == "list"]
    assert lists == ["- Wikilink\n- Markdown", "- Notes\n- Canvases\n- Images"]


def test_a_walk_through_in_bullets_or_after_a_lead_in_is_no_card() -> None:
    """Steps written as bullets, with what the screen does between them (`A dialog will appear …`), or numbered after
    a paragraph that only says what they are for, are a walk through an app's screens too."""
    bullets = ("# Account\n## Turn on two-step login\n\n- Sign in to your account from a web browser.\n"
               "- In the **Security** section, go to **Two-step login** and select **Turn on**.\n"
               "- A dialog will appear with a code to scan.\n- Once scanned, your phone shows a code. Enter it below the "
               "picture.\n- Finally, enter your password.\n- Select **Done**.\n\nTwo-step login is now on.\n")
    lead_in = ("# Looks\n## Custom dock icon\n\nYou can change the icon the app shows in the dock. Try the icon maker on "
               "[our site](https://example.com/icons).\n\nTo change the icon:\n\n"
               "1. Open **Settings**.\n2. Select **Looks** on the left.\n3. Scroll down to the **Advanced** section.\n"
               "4. Under **Dock icon** click **Choose**.\n5. Pick the icon file you made.\n6. Click **Restart**.\n"
               "7. After the app restarts, your new icon should appear in the dock.\n")
    assert not cards_of(bullets) and not cards_of(lead_in)


def test_what_stands_beside_screen_steps_keeps_its_card() -> None:
    """A setting written in code beside the steps, a list of what a view lets you do, a checklist of what to check
    and a list of ways named in bold are knowledge, not a walk through screens."""
    setting = ("# Publishing\n## Publish automatically\n\nSet `publish: true` in the properties of a note to include it "
               "in every publish, as a new or as a changed note.\n\nYou can also include whole folders:\n\n"
               "1. In the ribbon on the left of the window, select **Publish changes**.\n"
               "2. In the **Publish changes** dialog, select **Change site options**.\n"
               "3. Next to **Included folders**, select **Manage** to open the list of folders.\n"
               "4. Select the folder to include from the list of the vault's folders.\n5. Select **Done**.\n")
    offers = ("# Views\n## Tag view\n\nWith the tag view you can:\n\n- Sort tags by name or by count.\n"
              "- Click a tag to open search with that tag filled in.\n- Right-click a tag to rename it everywhere.\n")
    checks = ("# Clipper\n## Nothing arrives\n\nIf nothing arrives in the vault when you click **Clip**:\n\n"
              "- Check for errors in the developer console.\n- Check that the vault name matches the name, not the path.\n"
              "- Check that the folder name is well formed.\n")
    for text in (setting, offers, checks):
        assert [c for c in cards_of(text) if c.rule == "explain"], text
    ways = ("# Panes\n## Open a pane\n\nThere are several ways to open a pane:\n\n- **Enable a plugin**: many plugins "
            "open one. Go to **Settings → Plugins** and enable it.\n- **Run a command**: use the command palette.\n"
            "- **Drag a note** (desktop only): drag a note from the file list into the side.\n")
    assert [c.back for c in cards_of(ways) if c.rule == "list"] == [
        "- Enable a plugin\n- Run a command\n- **Drag a note** (desktop only)"]


def test_a_solution_that_is_mostly_one_lab_s_printed_output_is_no_card() -> None:
    """A practice test's worked answer made of `$ kubectl …` and the tables and logs that lab's cluster printed
    teaches that cluster's names, not anything the task lets a learner recall: no card (the walk-through stays
    on the note's page). A solution of commands, or of commands with a line or two of output, keeps its card."""
    printed = "\n".join(f"pod/web-{n}   1/1   Running   0   {n}m" for n in range(10))
    dump = (f"# Labs\n## 253. Practice Test - Application Failure\n### 1\n웹 페이지가 뜨도록 고치시오.\n\n"
            f"서비스를 확인합니다.\n```sh\n$ kubectl get all -n alpha\nNAME   READY   STATUS   RESTARTS   AGE\n{printed}\n"
            f"user@test$ curl web-service:80\n```\n")
    assert not [c for c in cards_of(dump) if c.rule in ("exercise", "explain")]
    listed = ("# 서비스 네트워킹\n## 229. Practice Test - Explore DNS\n\n1. hr 파드에 curl로 접근하시오.\n\n"
              f"```sh\n$ kubectl get all -n default\n{printed}\n```\n\n"
              "2. CoreDNS의 config 파일 위치를 찾으시오.\n\n```sh\n# 파드 상세보기\n$ kubectl -n kube-system describe deploy coredns\n"
              "    Args:\n      -conf\n      /etc/coredns/Corefile\n```\n")
    assert [c.front for c in cards_of(listed)] == ["CoreDNS의 config 파일 위치를 찾으시오."]
    commands = dump.replace(printed + "\n", "").replace("NAME   READY   STATUS   RESTARTS   AGE\n", "")
    [card] = cards_of(commands)
    assert card.rule == "exercise" and "curl web-service:80" in card.back


def test_a_task_to_fix_what_is_broken_solved_by_reading_one_lab_s_output_is_no_card() -> None:
    """`다시 broken된 클러스터를 고치시오.`: the task does not say what is wrong; the solution finds it in that lab's
    node list and logs. Nothing there is recalled from the task. A task that says what to fix keeps its card, and
    so does a fix whose solution reads no output."""
    lab = ("# Labs\n## 259. Practice Test - Worker Node Failure\n### 2\n다시 broken된 클러스터를 고치시오.\n\n"
           "노드 상태를 확인합니다.\n```sh\n$ kubectl get nodes\nNAME           STATUS     ROLES\n"
           "controlplane   Ready      control-plane\nnode01         NotReady   <none>\n```\n\n"
           "kubelet 포트를 수정합니다.\n```sh\n$ vi /etc/kubernetes/kubelet.conf\n$ service kubelet restart\n```\n")
    assert not [c for c in cards_of(lab) if c.rule == "exercise"]
    said = lab.replace("다시 broken된 클러스터를 고치시오.", "node01의 kubelet이 API 서버에 붙도록 설정을 확인하시오.")
    assert [c.rule for c in cards_of(said)] == ["exercise"]
    blind = lab.replace("NAME           STATUS     ROLES\ncontrolplane   Ready      control-plane\n"
                        "node01         NotReady   <none>\n", "")
    assert [c.rule for c in cards_of(blind)] == ["exercise"]


def test_a_question_in_bold_and_the_heading_said_again_end_the_topic_above() -> None:
    """`**ARP 패킷?**` opens a topic of its own, and `**클래스리스 주소 체계**` under `### 클래스리스 주소 체계` takes
    the section's own text up again: neither runs into the answer of the bold topic above it."""
    asked = ("# 네트워크\n## ARP\nIP 주소로 MAC 주소를 알아내는 프로토콜이다.\n\n**MAC 주소를 알아내는 과정**\n\n"
             "- 호스트 A가 브로드캐스트로 ARP 요청을 보낸다\n- 호스트 B가 유니캐스트로 응답한다\n\n"
             "**ARP 패킷?**\n\n- ARP 요청과 응답에서 오가는 패킷\n- 오퍼레이션 코드는 요청 1, 응답 2\n")
    process = next(c for c in cards_of(asked) if c.front == "MAC 주소를 알아내는 과정")
    assert "응답한다" in process.back and "ARP 패킷" not in process.back and "오퍼레이션" not in process.back
    again = ("# 네트워크\n## 클래스리스 주소 체계\n**클래스풀 주소 체계의 한계**\n\n- 클래스별 크기가 고정되어 주소가 낭비된다\n\n"
             "**클래스별 주소 개수 정리**\n\n| 클래스 | 호스트 수 |\n|---|---|\n| A | 16,777,214 |\n| B | 65,534 |\n\n"
             "**클래스리스 주소 체계**\n\n- 클래스 없이 네트워크 영역을 나누는 방식\n- 오늘날 주로 쓰인다\n")
    cards = {c.front: c for c in cards_of(again) if c.rule == "explain"}
    assert "네트워크 영역" not in cards["클래스별 주소 개수 정리"].back
    assert "네트워크 영역을 나누는 방식" in cards["클래스리스 주소 체계"].back


def test_a_lead_in_that_names_each_subsection_is_no_card() -> None:
    """`Use panning and zooming to move across the canvas.` over `Pan the canvas` and `Zoom the canvas`: the ways
    it announces are the subsections', each with its card; their names are all a list would add, so the lead-in
    makes no card. A lead-in that names them after a colon keeps its card as it is; a short line introducing them
    by the section's name makes none; a word like `and` names no subsection."""
    text = ("# Canvas\n## Navigate the canvas\nUse panning and zooming to move across the whole canvas.\n"
            "### Pan the canvas\nDrag with the middle button.\n### Zoom the canvas\nHold Ctrl and scroll.\n")
    assert not [c for c in cards_of(text) if c.front == "Navigate the canvas"]
    assert {"Pan the canvas", "Zoom the canvas"} <= {c.front for c in cards_of(text)}
    named = text.replace("Use panning and zooming to move across the whole canvas.",
                         "Move across the canvas in two ways: panning or zooming.")
    assert [c.back for c in cards_of(named) if c.front == "Navigate the canvas"] == [
        "Move across the canvas in two ways: panning or zooming."]
    intro = ("# Settings\n## Account\nManage your account and licenses.\n### Your account\nSign in here.\n"
             "### Commercial license\nBuy it for work.\n")
    assert not [c for c in cards_of(intro) if c.front == "Account"]
    kinds = ("# Syntax\n## Types\nBases have a type system which formulas and filters use to apply functions.\n"
             "### Strings and numbers\nQuoted or bare.\n### Dates and durations\nParsed from text.\n")
    card = next(c for c in cards_of(kinds) if c.front.endswith("Types"))
    assert card.back.endswith("- Strings and numbers\n- Dates and durations")


def test_an_intro_over_more_functions_than_a_card_lists_is_no_card() -> None:
    """`## List type`, `Functions you can use with a list such as [1, 2].`, over 13 `### `contains()`` …: the
    intro says nothing about the functions and 13 names are too many to recall on one card, so the section gives
    no card (each function has its own); over a few functions the intro lists them."""
    functions = "".join(f"### `f{n}()`\n`list.f{n}(): list`\n- Returns the list changed by f{n}.\n" for n in range(13))
    text = "# Functions\n## List type\nFunctions you can use with an ordered list such as `[1, 2]`.\n" + functions
    cards = cards_of(text)
    assert not [c for c in cards if c.front == "List type"] and "`f12()`" in {c.front for c in cards}
    few = text.split("### `f3()`")[0]
    card = next(c for c in cards_of(few) if c.front == "List type")
    assert card.back.endswith("- `f0()`\n- `f1()`\n- `f2()`")


def test_an_intro_of_various_ways_lists_its_subsections() -> None:
    """`# Rust Result 처리 패턴` → `Result를 다양한 방법으로 처리하는 패턴.`: the line says the title again, with
    `다양한 방법` for the patterns its subsections show; the answer names them."""
    text = ("# Result 처리 패턴\nResult를 다양한 방법으로 처리하는 패턴.\n## match\n```rust\nmatch r { Ok(v) => v, Err(e) => 0 }\n```\n"
            "## unwrap과 expect\n실패하면 panic 한다.\n## map과 and_then 체이닝\n성공 값만 바꾼다.\n")
    card = next(c for c in cards_of(text) if c.front == "Result 처리 패턴")
    assert card.back.endswith("- match\n- unwrap과 expect\n- map과 and_then 체이닝")


def test_a_statement_about_its_subject_is_not_split_at_a_dash() -> None:
    """`- `PlainJWT`는 서명이 없는 JWT - `alg` 헤더가 …`: the words before the dash are a sentence about its subject
    (`X는 …`), not a term, so the dash does not make a definition whose front already says the answer."""
    text = ("# OAuth\n## 토큰 검증\n- 토큰 파싱 후 검증\n- `PlainJWT`는 서명이 없는 JWT - `alg` 헤더가 `none`으로 설정되어 서명이 "
            "없음을 뜻함\n- `JWS` - 서명된 JWT\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "definition"]
    assert fronts == ["`JWS`"]


def test_a_heading_that_joins_its_subsections_titles_over_a_lead_in_is_no_card() -> None:
    """`## TCP, UDP` over one line that leads into `### TCP` and `### UDP`: each is explained under its own
    heading, and the line (`IP의 한계를 해결하기 위해 TCP가 등장`) answers neither; a heading of its own topic keeps
    its card."""
    text = ("# 네트워크\n## TCP, UDP\nIP의 한계를 해결하기 위해 TCP가 등장\n### TCP\n연결지향 프로토콜이며 순서를 보장한다.\n"
            "### UDP\n비연결형 프로토콜이며 체크섬과 포트만 더한다.\n")
    assert [c.front for c in cards_of(text) if c.rule == "explain"] == ["TCP", "UDP"]
    own = text.replace("## TCP, UDP", "## 전송 계층")
    assert [c.front for c in cards_of(own) if c.rule == "explain"] == ["전송 계층", "TCP", "UDP"]


def test_a_list_one_of_whose_points_is_a_term_stays_in_the_explanation() -> None:
    """`**특징**` over five points, the first of which (`연결지향 - …`) is a term with a card of its own: the list is
    still the explanation's, and so is the bold line right under it (`**동작 과정**`) that nothing else shows."""
    text = ("# 네트워크\n## TCP\nTCP 패킷에는 포트, 순서, 검증 정보가 있다\n\n**특징**\n\n* 연결지향 - 3 way handshake (가상 연결)\n\n"
            "* 데이터 전달 보증 -> 누락 시 알 수 있음\n\n* 순서 보장\n\n* 현재는 대부분 TCP 사용\n\n**동작 과정**\n\n1. 클라가 SYN을 보낸다\n"
            "2. 서버가 SYN + ACK를 보낸다\n3. 클라가 ACK를 보낸다\n")
    cards = cards_of(text)
    assert ("definition", "연결지향", "3 way handshake (가상 연결)") in sides(cards)
    [card] = [c for c in cards if c.rule == "explain"]
    assert card.back.index("**특징**") < card.back.index("* 순서 보장") < card.back.index("**동작 과정**") \
        < card.back.index("1. 클라가 SYN")


def test_a_question_under_a_topic_in_bold_names_the_topic() -> None:
    """`- 가장 중요한 추가 특성? -> **통신 매체의 종류**` under `**추가 특성**`, a topic in bold of the section
    `이더넷`: the question belongs to that topic, as a term under it does, and its breadcrumb says so."""
    text = ("# 물리 계층\n## 이더넷\n이더넷은 IEEE 802.3 표준이다.\n\n**추가 특성**\n\n- 통신 매체의 특성을 명시\n"
            "- 전송 가능한 최대 거리를 명시할 수 있음\n- 가장 중요한 추가 특성? -> **통신 매체의 종류**\n")
    [card] = [c for c in cards_of(text) if c.rule == "question"]
    assert card.front == "가장 중요한 추가 특성?" and card.heading_path[-2:] == ("이더넷", "추가 특성")


def test_the_steps_under_a_topic_in_bold_are_no_list_to_recite() -> None:
    """`**반복적 질의**` over `- 네임 서버에 일일이 질의-응답 반복` and `- 최종 응답 결과를 클라이언트에게 전달`: two steps
    of one process, said in clauses, not two names of a set; the topic's explanation asks them, and no "2가지를
    나열해 보세요" card does. A topic in bold over names (`**TCP/IP 모델**` over its layers) keeps its list."""
    text = ("# 응용 계층\n## DNS\n도메인 네임을 IP 주소로 바꾼다.\n\n**재귀적 질의**\n\n- 클라이언트 -> 로컬 네임 서버 -> 루트 네임 서버\n"
            "- 최종 응답 결과를 역순으로 전달\n\n**반복적 질의**\n\n- 네임 서버에 일일이 질의-응답 반복\n"
            "- 최종 응답 결과를 클라이언트에게 전달\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "list"]
    assert [c.back for c in cards if c.front == "반복적 질의"] == [
        "- 네임 서버에 일일이 질의-응답 반복\n- 최종 응답 결과를 클라이언트에게 전달"]
    names = ("# 네트워크\n## 참조 모델\n통신 과정을 계층으로 나눈다.\n\n**TCP/IP 모델**\n\n- 응용 계층\n- 전송 계층\n- 인터넷 계층\n"
             "- 네트워크 액세스 계층\n")
    assert [c.front for c in cards_of(names) if c.rule == "list"] == ["TCP/IP 모델"]


def test_get_started_is_asked_with_its_topic() -> None:
    """`## Get started` (like `Getting started`, `Quick start`, `시작하기`) names a kind of content, not a topic:
    its explanation is asked with what it starts (`Kubectl › Get started`)."""
    text = ("# Kubectl\n## Get started\nkubectl runs single commands or an interactive shell with completion.\n\n"
            "> [!info] A cluster must be reachable\n> kubectl needs a kubeconfig that points at a running cluster.\n")
    assert [c.front for c in cards_of(text, "Kubectl.md") if c.rule == "explain"] == ["Kubectl › Get started"]
    korean = text.replace("## Get started", "## 시작하기")
    assert [c.front for c in cards_of(korean, "Kubectl.md") if c.rule == "explain"] == ["Kubectl › 시작하기"]


def test_an_example_listing_goes_under_the_section_it_illustrates() -> None:
    """`## 예시` over only a bare listing (`v1.0.0  # 초기 릴리스` …) asks nothing as `SemVer › 예시`: it illustrates
    the section right before it (`## 버전 의미`, what each part means), whose card shows it under its answer."""
    text = ("# SemVer\n버전 번호 규칙. `MAJOR.MINOR.PATCH` 형식.\n\n## 버전 의미\n\n| 버전 | 변경 시점 |\n|---|---|\n"
            "| MAJOR | 하위 호환이 깨지는 변경 |\n| MINOR | 기능 추가 |\n| PATCH | 버그 수정 |\n\n## 예시\n\n```\n"
            "v1.0.0  # 초기 릴리스\nv1.1.0  # 새 기능 추가\nv2.0.0  # API 변경\n```\n")
    cards = [c for c in cards_of(text) if c.rule == "explain"]
    assert [c.front for c in cards] == ["SemVer", "버전 의미"]
    assert cards[1].back.endswith("| PATCH | 버그 수정 |\n\n```\nv1.0.0  # 초기 릴리스\nv1.1.0  # 새 기능 추가\nv2.0.0  # API 변경\n```")
    code = text.replace("## 예시\n\n```\n", "## 예시\n\n```bash\n")
    # code to write under a bare `예시` is no card either: its front does not say what it shows
    assert [c.front for c in cards_of(code) if c.rule == "explain"] == ["SemVer", "버전 의미"]


def test_a_line_that_sends_the_reader_to_something_else_is_left_out() -> None:
    """`Looking to sync without the desktop app? See [[Headless]].` at the end of a callout asks the reader whether
    they want something else and points to it: it teaches nothing of the section, and the callout ends on its
    own last line, not on an empty `>`."""
    text = ("# Kubectl\n## Contexts\nA context names a cluster, a user and a namespace together.\n\n"
            "> [!info] One context is current\n> kubectl talks to the current context's cluster.\n>\n"
            "> Looking to run it without a cluster? See [[Simulator|the simulator]].\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.back.endswith("> kubectl talks to the current context's cluster.") and "Simulator" not in card.back


def test_a_remark_beside_what_the_card_leaves_out_is_no_answer() -> None:
    """`## Models` whose own text is only a privacy warning over `### Preset providers`, and a section whose drawing
    cards leave out with a note under it: the remark alone does not say what the heading names. A section that
    is a callout and nothing else keeps its card."""
    models = ("# Interpreter\n## Models\n> [!warning] Privacy\n> Requests go straight to the provider you choose.\n\n"
              "### Preset providers\nInterpreter includes several preset providers; each needs an API key.\n")
    assert [c.front for c in cards_of(models)] == ["Preset providers"]
    drawing = ("# Service\n## selector 동작 원리\n```\nService (selector: app=web)\n    │\n    ├──→ Pod (labels: app=web)  ✓\n"
               "    └──✕ Pod (labels: app=api)  ✗\n```\n\n> [!Note]\n> selector의 라벨과 template의 라벨이 일치해야 한다.\n")
    assert not [c for c in cards_of(drawing) if c.rule == "explain"]
    alone = "# Sync\n## Encryption\n> [!info] Your vault is encrypted end to end before it leaves the device.\n"
    assert [c.front for c in cards_of(alone)] == ["Encryption"]


def test_a_remark_labelled_only_as_notable_is_asked_with_its_topic() -> None:
    """`- 특이점: …` says what is notable about the topic above it, not a term of its own."""
    text = "# Character Filter\n## HTML Strip\n### Result\n- 특이점: 태그로 감싼 텍스트는 태그가 사라지고 개행 문자가 된다\n"
    assert [c.front for c in cards_of(text) if c.rule == "definition"] == ["HTML Strip › 특이점"]


def test_an_answer_about_a_table_below_that_the_card_leaves_out_is_no_card() -> None:
    """`**주간 집계**` ⏎ `아래의 표는 …의 예다. day 열은 …` over a picture missing from the vault: the answer explains
    what is not on it. The same lead-in over a picture or a table the answer shows keeps its card."""
    text = ("# 로그\n## 집계\n집계 서버는 로그를 모은다.\n\n**주간 집계**\n아래의 표는 한 주 동안 모은 요청 수의 예다. day 열은 날짜이고 "
            "hits 열은 그날의 요청 수다.\n\n![[weekly.png]]\n")
    assert not [c for c in note_cards(parse_note("n.md", text), CONFIG, {"weekly.png"}) if c.rule == "label"]
    pictured = [c.back.splitlines()[-1] for c in cards_of(text) if c.rule == "label"]  # the picture is in the vault
    assert pictured == ["![[weekly.png]]"]
    shown = text.replace("![[weekly.png]]", "| day | hits |\n|---|---|\n| 월 | 10 |")
    assert [c.back.splitlines()[-1] for c in cards_of(shown) if c.rule == "label"] == ["| 월 | 10 |"]


def test_an_item_whose_sub_items_only_give_examples_is_no_term() -> None:
    """`- 16진수로 표기` ⏎ `  - 0xFF, 0x1A 등`: sub-items that only show values like it (or `예시: …`) say what the item
    is like, not what it is. The list of ways still asks for it."""
    text = ("# 숫자\n## 색상 표기\n\n**표기 방법**\n\n- 16진수로 표기\n    - #FF0000, #00FF00 등\n- RGB 함수로 표기\n"
            "    - 빨강, 초록, 파랑의 세기를 0부터 255 사이 값으로 각각 적는 방식\n")
    cards = cards_of(text)
    assert "16진수로 표기" not in [c.front for c in cards if c.rule == "term"]
    assert ("표기 방법", "- 16진수로 표기\n- RGB 함수로 표기") in [(c.front, c.back) for c in cards if c.rule == "list"]
    assert "RGB 함수로 표기" in [c.front for c in cards if c.rule == "term"]
    example = text.replace("    - #FF0000, #00FF00 등", "    - 예시: 웹 페이지의 색상")
    assert "16진수로 표기" not in [c.front for c in cards_of(example) if c.rule == "term"]


def test_fields_glossed_under_a_label_that_does_not_hold_them_are_no_list() -> None:
    """`**조회 서비스**` ⏎ `- key: 키를 저장하는 필드다.` ⏎ `- hits: …필드다.`: the label names a service, the items are
    fields of a table it does not name, so reciting `key`, `hits` from `조회 서비스` asks a riddle. A label that
    names the table keeps the list. Each field, named for what it holds, is no definition either (read as trivia:
    `query: 질의문을 저장하는 필드다.`): see the scenario's everyday words below."""
    text = ("# 캐시\n## 설계\n\n**조회 서비스**\n- key: 조회한 키를 저장하는 필드다.\n- hits: 키가 조회된 횟수를 저장하는 필드다.\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "list"]
    assert not [c for c in cards if c.rule == "definition"]
    table = text.replace("**조회 서비스**", "**조회 테이블**")
    assert [(c.front, c.back) for c in cards_of(table) if c.rule == "list"] == [("조회 테이블", "- key\n- hits")]


def test_a_field_explained_under_its_manifest_names_the_kind() -> None:
    """`- **`metadata`**` ⏎ `  - `name`: …` under a Secret's YAML in a section titled `주요 특징`: the bare key asks
    which object's field it is; the front names the kind. Headings that name the kind already say it."""
    text = ("# 오브젝트\n## 주요 특징\n설정을 분리한다.\n\n```yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n"
            "data:\n  password: cGFzcw==\n```\n\n- **`metadata`**\n    - `name`: 이 Secret을 참조할 때 쓰는 이름이다.\n"
            "- **`data`**\n    - base64로 인코딩한 값을 키마다 저장한다.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "term"]
    assert fronts == ["Secret › **`metadata`**", "Secret › **`data`**"]
    titled = text.replace("## 주요 특징", "## Secret")
    assert [c.front for c in cards_of(titled) if c.rule == "term"] == ["**`metadata`**", "**`data`**"]


def test_a_legend_of_a_formulas_symbols_is_no_card() -> None:
    """`- k: 찾을 개수` ⏎ `- m: 원소 수` above `O(m log k)`: one-letter symbols mean something only in their formula.
    Single letters among names (`- A: IPv4 레코드` ⏎ `- MX: 메일 서버`) are terms."""
    text = ("# 힙\n## 복잡도\n힙으로 상위 원소를 고른다.\n\n- k: 찾을 원소의 개수\n- m: 전체 원소의 개수\n\n시간 복잡도는 O(m log k)이다.\n")
    assert not [c for c in cards_of(text) if c.rule == "definition"]
    records = "# DNS\n## 레코드\n\n- A: 도메인을 IPv4 주소로 매핑하는 레코드\n- MX: 메일 서버를 가리키는 레코드\n"
    assert [c.front for c in cards_of(records) if c.rule == "definition"] == ["A", "MX"]


def test_a_manifest_kubernetes_rejects_is_no_cloze() -> None:
    """`volumeId` for `volumeID`: a cloze of that manifest would drill the learner in a manifest that does not work,
    mistake and all (23 of 27 such cards read in samples of real vaults were weak, warning or not). Without the lint it is asked."""
    text = ("# Volumes\n```yaml\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data\nspec:\n"
            "  accessModes:\n    - ReadWriteOnce\n  capacity:\n    storage: 1Gi\n  awsElasticBlockStore:\n"
            "    volumeId: vol-1\n    fsType: ext4\n```\n")
    note = parse_note("n.md", text)
    problems = lint_note(note)
    assert [p.line for p in problems] == [13]  # volumeId
    assert not [c for c in note_cards(note, CONFIG, problems=problems) if c.rule == "manifest"]
    [plain] = [c for c in note_cards(note, CONFIG) if c.rule == "manifest"]
    assert "{{c" in plain.front


def test_an_item_that_stands_for_the_rest_of_its_list_is_no_term() -> None:
    """`- **Other**: any folder under a sync service` after `Windows`, `macOS`: the rest of the list names nothing to
    define; the items that name something keep their cards."""
    text = ("# Backups\n## Where copies go\n\nCopies usually live in one of these places:\n\n"
            "- **Servers**: a machine in the data center that keeps a nightly copy of every volume.\n"
            "- **Other**: any folder that a sync service watches, such as a shared drive.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "definition"]
    assert fronts == ["Servers"]
    assert [c.front for c in cards_of(text.replace("**Other**", "기타")) if c.rule == "definition"] == ["Servers"]


def test_an_instruction_split_at_its_colon_asks_how_or_why() -> None:
    """`- Secure and label your metrics: scrape only what you need, …` is advice: its front asks how to do it (or why,
    when the answer gives a reason), not "What is it?". An option named by what it does keeps its prompt."""
    text = ("# Metrics\n## Key ideas\n\n- Secure and label your metrics: scrape only what you need and standardize labels.\n"
            "- Keep the retention short: because old samples fill the disk of the node.\n"
            "- Scrape interval: how often Prometheus reads each target's endpoint.\n")
    prompts = {c.front: c.prompt for c in cards_of(text) if c.rule == "definition"}
    assert prompts == {"Secure and label your metrics": "How?", "Keep the retention short": "Why?",
                       "Scrape interval": "What is it?"}
    option = "# Clipper\n## Modes\n\n- Replace the page content: returns a list of highlights only.\n"
    assert [c.prompt for c in cards_of(option) if c.rule == "definition"] == ["What is it?"]


def test_the_labels_of_advantages_are_no_terms() -> None:
    """`## 캐시의 장점` ⏎ `- **응답 속도 향상**: …`: a label that states the advantage gives the point away on the front;
    the section asks for the advantages. `- 장점` ⏎ `  - …` under `장단점` names the aspect, and is still asked."""
    text = ("# 캐시\n## 캐시의 장점\n\n- **응답 속도 향상**: 자주 읽는 데이터를 메모리에서 바로 돌려주므로 디스크를 읽지 않는다.\n"
            "- **부하 감소**: 원본 저장소로 가는 요청이 줄어 데이터베이스가 덜 바쁘다.\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "definition"]
    [card] = [c for c in cards if c.rule == "explain" and c.front == "캐시의 장점"]
    assert "**응답 속도 향상**" in card.back and "**부하 감소**" in card.back
    plain = text.replace("## 캐시의 장점", "## 캐시 동작")
    assert {c.front for c in cards_of(plain) if c.rule == "definition"} == {"응답 속도 향상", "부하 감소"}


def test_the_parts_of_a_syntax_are_asked_with_it() -> None:
    """`with context_expression as target_variable:` ⏎ `    # 코드 블록` and a list that says what each part stands
    for: `코드 블록` alone asks what a code block is. The section's explanation shows the syntax with its parts; fields
    a manifest sets (`replicas:`) stay terms."""
    text = ("# with\n## 형태\n\n`with` 구문은 다음과 같이 쓴다:\n\n```python\nwith expression as target:\n    # 코드 블록\n```\n\n"
            "- `expression`: 컨텍스트 매니저 객체를 만드는 표현식이다.\n- `target`: 그 객체가 할당되는 변수의 이름이다.\n"
            "- 코드 블록: 리소스를 쓰는 동안 실행되는 문장들이다.\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "definition"]
    [card] = [c for c in cards if c.rule == "explain" and c.front == "형태"]
    assert "with expression as target:" in card.back and "- 코드 블록: 리소스를 쓰는" in card.back
    fields = ("# Deployment\n## 필드\n\n```yaml\nspec:\n  replicas: 3\n  paused: false\n```\n\n"
              "- replicas: 유지할 파드의 개수를 정하는 필드이다.\n- paused: 롤아웃을 멈춰 두는지를 정하는 필드이다.\n")
    assert [c.front for c in cards_of(fields) if c.rule == "definition"] == ["replicas", "paused"]


def test_a_tagline_that_names_the_headings_task_again_is_no_explanation() -> None:
    """`# Registry 로그인` ⏎ `저장소 인증.` over `## Docker Hub`, `## Quay`: the tagline names the task again in other
    words; how it is done is in the subsections, which keep their cards. A tagline that says what a thing is for
    is a definition and stays."""
    text = ("# CI Registry 로그인\n\n저장소 인증.\n\n## Docker Hub\n\n```yaml\n- uses: docker/login-action@v3\n"
            "  with:\n    username: ${{ secrets.USER }}\n```\n\n## Quay\n\n```yaml\n- uses: docker/login-action@v3\n"
            "  with:\n    registry: quay.io\n```\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert fronts == ["Docker Hub", "Quay"]
    thing = text.replace("# CI Registry 로그인", "# CI 아티팩트").replace("저장소 인증.", "빌드 결과물 저장 및 공유.")
    assert [c.front for c in cards_of(thing) if c.rule == "explain"][0] == "CI 아티팩트"


def test_a_remark_on_another_topic_after_the_code_is_asked_by_itself() -> None:
    """`## 파일 읽기` ⏎ its code ⏎ `> [!info] 기능 플래그` ⏎ `> …`: a callout titled by a topic that neither the heading nor
    the code speaks of is a remark on the note's topic; tacked onto the answer it asks two things at once. It is asked
    by its title with the note's topic; a callout about the code (`> [!tip] --no-ff 사용 이유`) stays in the answer."""
    text = ("# tokio 런타임\n\n비동기 런타임이다.\n\n## 파일 읽기\n\n```rust\nlet text = fs::read_to_string(\"a.txt\").await?;\n"
            "fs::write(\"b.txt\", \"hi\").await?;\n```\n\n> [!info] 기능 플래그\n> `full`은 모든 기능을 켠다.\n"
            "> 필요한 것만 고르면 빌드가 빨라진다.\n")
    cards = cards_of(text)
    [read] = [c for c in cards if c.front == "파일 읽기"]
    assert "기능 플래그" not in read.back and "read_to_string" in read.back
    [aside] = [c for c in cards if c.front == "tokio 런타임 › 기능 플래그"]
    assert aside.back == "`full`은 모든 기능을 켠다.\n필요한 것만 고르면 빌드가 빨라진다." and aside.prompt == "설명해 보세요"
    about = text.replace("기능 플래그", "read_to_string 주의")
    assert "read_to_string 주의" in next(c.back for c in cards_of(about) if c.front == "파일 읽기")


def test_a_statement_purpose_or_case_over_sub_items_is_no_term() -> None:
    text = ("# 백업\n### 스냅샷\n- 디스크 상태를 주기적으로 저장\n  - 저장 공간이 더 필요함\n\n"
            "### 보존 기간\n- 오래된 백업이 쌓이는 것을 막기 위해\n  - 디스크 부족\n  - 비용 증가\n\n"
            "### 복구\n- 실수로 지운 경우\n  - 마지막 스냅샷에서 되살림\n- 롤백\n  - 이전 버전으로 되돌리는 일\n")
    cards = cards_of(text)
    fronts = [c.front for c in cards if c.rule == "term"]
    assert fronts == ["롤백"]  # a name with its meaning stays a term
    explained = {c.front: c.back for c in cards if c.rule == "explain"}
    assert "오래된 백업이 쌓이는 것을 막기 위해" in explained["보존 기간"]  # the purpose and its reasons, asked whole


def test_a_topic_in_bold_of_the_same_series_ends_the_one_above_though_its_name_is_an_aspect() -> None:
    text = ("# 큐\n## 상세 설계\n큐 서버의 세부 사항.\n\n**메시지 보관**\n* 메시지는 디스크에 남겨 서버가 죽어도 잃지 않는다.\n\n"
            "**재전송 방법**\n* 소비자가 응답하지 않으면 같은 메시지를 다른 소비자에게 다시 보낸다.\n\n"
            "## 명령\n명령마다 하는 일.\n\n**PATCH**\n\n메시지의 우선순위를 바꾸어 다시 넣는다.\n\n**DELETE**\n\n"
            "메시지를 큐에서 완전히 지운다.\n\n"
            "## Redis\nRedis의 세부 사항.\n\n**Redis**\n* 메모리에 데이터를 두는 저장소.\n\n**장점**\n* 읽기와 쓰기가 매우 빠르다.\n")
    explained = {c.front: c.back for c in cards_of(text) if c.rule == "explain"}
    assert "재전송" not in explained["메시지 보관"] and "다른 소비자에게" in explained["재전송 방법"]
    assert "지운다" not in explained["PATCH"] and "완전히 지운다" in explained["큐 › DELETE"]
    assert "매우 빠르다" in explained["Redis"]  # a bare aspect stays with the topic above it


def test_a_plain_label_alone_over_a_list_is_the_context_of_its_terms() -> None:
    text = ("# 저장 방식\n## 행 저장소\n행 단위로 저장한다.\n\n차이점\n* 읽기 단위\n  * 행 저장소 - 한 행 전체\n"
            "  * 열 저장소 - 한 열 전체\n* 압축률\n  * 행 저장소 - 낮음\n  * 열 저장소 - 같은 값이 모여 높음\n\n"
            "Secondary storage\n- 데이터가 영구히 남는 곳\n- 속도가 가장 느린 곳\n")
    cards = cards_of(text)
    terms = {c.front: c.prompt for c in cards if c.rule == "term"}
    assert terms == {"읽기 단위": "차이점 · 무엇인가요?", "압축률": "차이점 · 무엇인가요?"}
    assert not [c for c in cards if c.rule == "list"]  # a plain label is context, not a set to recite


def test_a_term_under_a_heading_of_its_uses_or_a_rule_to_follow_is_asked_with_it() -> None:
    text = ("# 컬렉션\n## 리스트 vs 집합\n둘 다 값을 모은다.\n\n### 3. 용도 구분\n- 리스트\n  - 순서가 중요한 경우\n"
            "  - 같은 값이 여러 번 들어갈 수 있는 경우\n- 집합\n  - 중복을 없애야 하는 경우\n\n"
            "## 함수\n함수를 잘 쓰는 법.\n\n**이름에 의도를 담기**\n\n`결과 함수명(인자)`\n* **인자**\n"
            "  * 인자의 개수와 순서로도 의도를 알린다\n\n### 구성\n- 본문\n  - 함수가 실행하는 문장들의 블록\n")
    terms = {c.front: c.prompt for c in cards_of(text) if c.rule == "term"}
    assert terms == {"리스트 (용도 구분)": "설명해 보세요", "집합 (용도 구분)": "설명해 보세요",
                     "인자 (이름에 의도를 담기)": "설명해 보세요", "본문": "무엇인가요?"}


def test_a_manifest_cloze_never_hides_a_label_key_the_author_chose() -> None:
    """`gpu: "true"` under `nodeSelector` (under a heading `NodeSelector`): the key is one task's own label, nothing
    to recall; with the heading naming `nodeSelector` and the key shown, nothing is left to ask but `kind`."""
    text = ("# 스케줄링\n## NodeSelector\n### 풀이\n```sh\nkubectl label node w1 gpu=true\n```\n```yaml\napiVersion: v1\n"
            "kind: Pod\nmetadata:\n  name: trainer\nspec:\n  nodeSelector:\n    gpu: \"true\"\n  containers:\n"
            "  - image: busybox\n    name: trainer\n```\n")
    assert not [c for c in cards_of(text) if c.rule == "manifest"]


def test_a_data_key_with_dots_in_its_name_is_still_the_authors_own() -> None:
    """`my-scheduler-config.yaml: |` under a ConfigMap's `data` (under a heading on a second scheduler): the file
    name is the author's choice whatever dots it holds; the settings inside it and the kind are still asked."""
    text = ("# scheduler\n## 추가 Scheduler 배포하기\n```yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
            "  name: my-scheduler-config\n  namespace: kube-system\ndata:\n  my-scheduler-config.yaml: |\n"
            "    apiVersion: kubescheduler.config.k8s.io/v1\n    kind: KubeSchedulerConfiguration\n    profiles:\n"
            "      - schedulerName: my-scheduler\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert "\n  my-scheduler-config.yaml: |\n" in card.front
    assert "::schedulerName}}" in card.front


def test_a_problem_set_with_no_answer_is_no_explanation() -> None:
    """`### 참고 - 기출 문제` over a task alone: the front names no topic, the back is a question nobody answers.
    A heading in code that happens to read `tasks` names a command and keeps its card (asked by what it does)."""
    text = ("# CKA\n## 7. Secret 운영\n### 풀이\n```sh\nkubectl create secret generic db --from-literal=pw=x\n```\n\n"
            "### 참고 - 기출 문제\n```\nCreate a secret named app-key in namespace ops\nand mount it at /etc/key\n```\n\n"
            "## CLI\n### `tasks`\nList the to-dos of the vault, open or done.\n")
    cards = cards_of(text)
    assert not [c for c in cards if "기출" in c.front]
    assert [c.front for c in cards if c.back.startswith("`tasks`")] == ["CKA › List the to-dos of the vault, open or done."]


def test_a_heading_of_parts_over_a_lead_in_lists_the_parts_its_subsections_name() -> None:
    """`# 브라우저 구성요소` → one sentence, the parts in bold under `## 화면` and `## 엔진`: the sentence alone only
    speaks of them; the answer lists each subsection with its parts."""
    text = ("# 브라우저 구성요소\n\n브라우저의 구성요소는 웹 페이지를 받아 화면에 그리는 일을 나누어 맡습니다.\n\n## 화면\n\n"
            "1. **주소 표시줄**: 주소를 입력하는 곳입니다.\n2. **탭**: 여러 페이지를 오가는 곳입니다.\n\n## 엔진\n\n"
            "- **렌더링 엔진**: HTML과 CSS를 해석해 그립니다.\n- **JS 엔진**: 스크립트를 실행합니다.\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain" and c.front == "브라우저 구성요소"]
    assert card.back.endswith("\n\n- 화면: 주소 표시줄, 탭\n- 엔진: 렌더링 엔진, JS 엔진")


def test_a_list_of_examples_after_such_as_is_not_asked_whole() -> None:
    """`…you'll need a third-party app such as:` over `- **Taio** — …`, `- **Textastic** — …`: the items are
    examples of a set, not the set, so no card asks to list them all."""
    text = ("# Config\n## Mobile\nThere is no default way to see hidden folders. To edit them, you need an app such as:\n\n"
            "- **Taio** — Free app with basic features.\n- **Textastic** — Paid app with more editing.\n")
    assert not [c for c in cards_of(text) if c.rule == "list"]
    whole = text.replace("you need an app such as:", "you need one of these apps:")
    assert [c.back for c in cards_of(whole) if c.rule == "list"] == ["- Taio\n- Textastic"]


def test_an_item_that_defines_its_bold_label_is_the_answer() -> None:
    """`**책임 네임 서버**` ⏎ `- 특정 도메인 영역을 관리하는 네임 서버` ⏎ `  - 곧바로 답할 수 있는 …`: the item describes the
    label by a clause ending in its noun, so the label is asked and the definition opens the answer (not a front
    that states it). A kind named under its label (`**케이블**` ⏎ `- 트위스티드 페어 케이블`) stays a term."""
    text = ("# DNS\n## 네임 서버\n**책임 네임 서버**\n\n- 특정 도메인 영역을 관리하는 네임 서버\n"
            "    - 다른 네임 서버에 떠넘기지 않고 곧바로 답한다\n    - 로컬 네임 서버가 마지막으로 묻는다\n")
    card = next(c for c in cards_of(text) if c.rule == "term")
    assert card.front == "책임 네임 서버" and card.back.startswith("특정 도메인 영역을 관리하는 네임 서버\n\n- 다른")
    kind = text.replace("책임 네임 서버**", "케이블**").replace("특정 도메인 영역을 관리하는 네임 서버", "트위스티드 페어 케이블")
    assert next(c for c in cards_of(kind) if c.rule == "term").front == "트위스티드 페어 케이블"


def test_an_answer_that_only_runs_the_projects_own_steps_is_no_card() -> None:
    """`정리` → `bash infra-teardown.sh` and a remark, `선행 조건` → `` `bash infra-net.sh` 실행 필요``, `접속` →
    `curl http://<WEB_IP>`: one project's scripts and what it set up, nothing general to recall. A command with a
    lesson of its own stays: `git bisect run ./check.sh`, `chmod +x .git/hooks/pre-commit`, the fix `chmod +x`."""
    text = ("# 인프라 스크립트\n## 선행 조건\n- 네트워크 먼저: `bash infra-net.sh` 실행 필요.\n\n"
            "## 접속\n```sh\ncurl http://<WEB_IP>\n```\n\n"
            "## 정리\n```bash\nbash infra-teardown.sh\n```\n\n> 삭제에 약 5분 걸린다.\n\n"
            "## 문제 해결\n- Permission denied: `chmod +x` 명령어로 실행 권한을 부여하세요.\n\n"
            "## 훅 등록\n```sh\nchmod +x .git/hooks/pre-commit\n```\n\n"
            "## 자동 탐색\n```sh\ngit bisect start HEAD v1.0\ngit bisect run ./check.sh\n```\n")
    backs = [c.back for c in cards_of(text)]
    assert not [b for b in backs if "infra-" in b or "WEB_IP" in b]
    assert "`chmod +x` 명령어로 실행 권한을 부여하세요." in backs
    assert any("pre-commit" in b for b in backs) and any("git bisect run" in b for b in backs)


def test_a_form_of_one_labs_settings_with_a_remark_on_its_value_column_is_no_card() -> None:
    """`| **변수** | **값 (입력란)** |` over `이름 | lab-vpc`, `MTU | 자동설정` and blank cells: the values one lab typed
    into a console's form, as `항목 | 값` is; a table that says what each setting means stays."""
    rows = "| **이름** | lab-vpc |\n| **설명** |  |\n| **MTU** | 자동설정 |\n| **IPv4 범위** | 10.0.0.0/24 |\n"
    text = f"# 네트워크 실습\n## VPC 생성\n| **변수** | **값 (입력란)** |\n| --- | --- |\n{rows}"
    assert not [c for c in cards_of(text) if "lab-vpc" in c.back]
    meaning = text.replace("**값 (입력란)**", "**의미**").replace("lab-vpc", "리소스를 가리키는 이름")
    assert [c for c in cards_of(meaning) if "리소스를 가리키는 이름" in c.back]


def test_a_result_section_that_only_shows_what_an_example_gave_is_no_card() -> None:
    """`### 조회 결과` over the query and `**결과**` with its one row, `#### Result` over `` `[ "a_b" ]` `` and its
    source line, `## 출력 예시` over sample lines and a short tip: what one example gave, nothing said about it. A
    result section that says what the output means keeps its card."""
    text = ("# 인덱스\n## 조회 결과\n```sql\nSELECT * FROM t WHERE id = 2;\n```\n\n**결과**\n\n| id | 이름 |\n| --- | --- |\n"
            "| 2 | 김철수 |\n\n## 치환\n#### Result\n`[ \"a_b\" ]`\n\n출처 : https://example.com/book\n\n"
            "## 출력 예시\n```\nabc1234 (kim 2024-01-15) login()\n```\n\n> [!tip] 활용\n> - 담당자 찾기\n\n"
            "## 실행 결과\n```\nREADY 1/1\n```\n\n준비된 컨테이너 수 / 전체 컨테이너 수이므로, 1/1이면 모든 컨테이너가 요청을 받을 수 있다.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert not [f for f in fronts if "조회 결과" in f or "Result" in f or "출력 예시" in f]
    assert [f for f in fronts if "실행 결과" in f]


def test_a_line_that_sends_the_reader_elsewhere_for_the_rest_is_no_card() -> None:
    """`Sync can reload certain settings, but there are some limitations. For more details, refer to [[Reloading]].`
    and `For questions about billing, please refer to [[Billing]].`: the answer is on the other page. A definition
    followed by `See also [[Graph view]].` answers by itself and stays."""
    text = ("# Sync\n## Does Sync reload my settings?\nSync can reload certain settings, but there are some limitations. "
            "For more details, refer to [[Reloading]].\n\n## Billing questions\nFor questions about invoices and tax, "
            "please refer to [[Billing#Invoices|billing]].\n\n## Graph\nA **graph** is a visualization that highlights "
            "connections between notes. See also [[Graph view]].\n")
    backs = [c.back for c in cards_of(text)]
    assert not [b for b in backs if "For more details" in b or "For questions" in b]
    assert [b for b in backs if b.startswith("A **graph** is a visualization")]


def test_an_aspect_of_what_the_item_above_introduces_is_asked_with_it() -> None:
    """`- 처리 단계` (steps) right under an item that brings in a structure (`… 블룸 필터를 사용한다.` ⏎ `  - 블룸 필터:
    …`): the steps are that structure's, so the front names it. An aspect whose points do not speak of it keeps
    its own label."""
    text = ("# 캐시\n## 없는 키 조회 줄이기\n* 디스크를 읽기 전에 있을 수 없는 키를 걸러내기 위해 블룸 필터를 사용한다.\n"
            "  * 블룸 필터: 원소가 집합에 속하는지 확률적으로 답하는 자료 구조다.\n* 처리 단계\n"
            "  * 필터의 비트 배열을 0으로 만든다.\n  * 키마다 해시 함수 k개를 적용해 나온 자리의 비트를 1로 바꾼다.\n"
            "  * 조회할 때 모든 자리의 비트가 1이면 있을 수도 있는 키로 본다.\n")
    [card] = [c for c in cards_of(text) if c.rule == "term"]
    assert card.front == "블룸 필터 › 처리 단계"
    apart = text.replace("필터의 비트 배열을", "요청 큐의 배열을")
    assert [c.front for c in cards_of(apart) if c.rule == "term"] == ["처리 단계"]


def test_advice_in_a_list_is_asked_why_or_how_never_what_it_is() -> None:
    """`**setter 사용 자제**`, `인증서 발급받기`: advice to follow, in note style. With a reason under it, it is asked
    why; with a command, how; with loose remarks only, it makes no card of its own (the section's explanation lists
    it)."""
    text = ("# 객체\n## 객체를 만들 때 주의할 점\n* **한 가지 책임만 갖도록 확인하기**\n  * 함수를 나눌 때와 비슷하다.\n"
            "  * 바깥과 어떤 대화를 할지 생각해보자.\n* **setter 사용 자제**\n"
            "  * 값이 바뀌는 곳이 흩어지므로 객체가 스스로 바꾸도록 해야 한다.\n\n"
            "## 배포\n* 인증서 발급받기\n  * `sudo certbot --nginx -d example.org`\n")
    terms = {c.front: c.prompt for c in cards_of(text) if c.rule == "term"}
    assert terms == {"**setter 사용 자제**": "왜 그런가요?", "인증서 발급받기": "어떻게 하나요?"}
    explained = next(c for c in cards_of(text) if c.rule == "explain" and c.front == "객체를 만들 때 주의할 점")
    assert "한 가지 책임만 갖도록 확인하기" in explained.back


def test_the_same_code_twice_with_no_label_is_no_card_but_labelled_it_stays() -> None:
    """A heading that states a rule over the code before and after it, with no word on which is which: the card
    could only show both blocks unlabelled (and the heading gives the point away). With a label over each block
    (`나쁜 예:` / `좋은 예:`, or a comment on each block's first line) each block keeps its label."""
    before = "```java\nint total = 0;\n// 다른 코드 30줄\ntotal += price;\n```\n"
    after = "```java\n// 다른 코드 30줄\nint total = 0;\ntotal += price;\n```\n"
    bare = f"# 코드 품질\n## 변수는 쓰는 곳 가까이 선언하기\n{before}\n{after}"
    assert not [c for c in cards_of(bare) if c.rule == "explain"]
    labelled = f"# 코드 품질\n## 변수는 쓰는 곳 가까이 선언하기\n나쁜 예:\n{before}\n좋은 예:\n{after}"
    [card] = [c for c in cards_of(labelled) if c.rule == "explain"]
    assert card.back.startswith("나쁜 예:\n\n```java") and "좋은 예:\n\n```java\n// 다른" in card.back
    commented = bare.replace("```java\nint total", "```java\n// 나쁜 예\nint total") \
        .replace("```java\n// 다른 코드 30줄\nint", "```java\n// 좋은 예\n// 다른 코드 30줄\nint")
    assert [c.rule for c in cards_of(commented) if c.rule == "explain"] == ["explain"]


def test_a_config_map_under_a_generic_heading_is_asked_by_its_data_key() -> None:
    """`## Manifest Files` over a ConfigMap of example settings and a callout on its fields (`` `data: -> key:` ``):
    where a ConfigMap holds its settings (`data`) is the question, with the callout under the answer; the heading
    makes no explanation of its own that shows the example's values and ends cut."""
    text = ("# ConfigMaps\nKey-value pairs for pods.\n## Manifest Files\n\nConfig Map\n```yaml\napiVersion: v1\n"
            "kind: ConfigMap\nmetadata:\n  name: web-settings\ndata:\n  cache_size: \"64\"\n  theme: \"dark\"\n```\n"
            "> [!NOTE] Fields\n> - `metadata: -> name:` is how pods refer to this map\n"
            "> - `data: -> cache_size:` is a key your app reads\n")
    cards = cards_of(text)
    [card] = [c for c in cards if c.rule == "manifest"]
    assert "{{c1::data}}:" in card.front and "kind: ConfigMap" in card.front
    assert "is how pods refer to this map" in card.back
    assert not [c for c in cards if c.rule == "explain" and "Manifest Files" in c.front]


def test_a_result_subheading_goes_under_the_request_that_printed_it() -> None:
    """`#### Result` under `### Mapping` (a request in code, then the output it gave): the output answers nothing
    alone; it goes under the request's explanation, headed by its title. A result whose section shows no code stays
    a card of its own only when it says something."""
    text = ("# Analyzer\n## Char filter\n### Mapping\n* 특정한 텍스트를 다른 텍스트로 바꾼다\n\n```\nGET /_analyze\n"
            "{\"char_filter\": [{\"type\": \"mapping\", \"mappings\": [\"a => b\"]}], \"text\": \"a\"}\n```\n\n"
            "#### Result\n`[ b ]`\n* 토큰이 만들어지기 전에 바뀐다\n")
    explained = [c for c in cards_of(text) if c.rule == "explain"]
    assert not [c for c in explained if c.heading_path[-1] == "Result"]
    mapping = next(c for c in explained if c.front == "Mapping")
    assert mapping.back.endswith("```\n\n**Result**\n\n`[ b ]`\n* 토큰이 만들어지기 전에 바뀐다")


def test_a_design_chapter_is_not_answered_by_its_intro() -> None:
    """`### 알림 시스템 설계` over two lines of intro, then its parts in bold (`**요구 사항**`, …): the intro answers
    no design; each part keeps its card."""
    text = ("### 알림 시스템 설계\n* 알림 시스템은 푸시 알림에 한정되지 않는다.\n* 푸시, SMS, 이메일 세 가지로 나뉜다.\n\n"
            "**요구 사항**\n* 하루 천만 건의 푸시 알림을 보낼 수 있어야 한다.\n* 사용자가 알림을 끌 수 있어야 한다.\n\n"
            "**알림 전송 흐름**\n* 서비스가 알림 서버에 요청을 보내면, 알림 서버가 큐에 넣고 작업 서버가 보낸다.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert "알림 시스템 설계" not in fronts and fronts


def test_a_heading_that_names_only_a_platform_or_an_audience_is_asked_with_the_heading_it_qualifies() -> None:
    """`### macOS` under `## Troubleshooting` asks nothing alone: the front names the tool and what the platform
    qualifies, and the prompt asks how to fix it; the project's call for pull requests is no part of the answer.
    `### For developers` over commented commands asks each command by its comment, with the note's topic."""
    text = ("# Taskbar CLI\n## Troubleshooting\nIf the bar stays empty, restart the daemon with `taskbar restart`.\n\n"
            "The taskbar is open source. You can help by contributing bug reports and pull requests.\n\n"
            "### macOS\nThe installer links the binary into `/usr/local/bin`. If the link is missing, create it by hand "
            "with `ln -s` and reopen the terminal.\n\n"
            "## Examples\n### For developers\nSome commands help while writing plugins.\n\n```shell\n"
            "# Open the inspector\ntaskbar inspect\n\n# Reload a plugin you are writing\ntaskbar reload id=mine\n```\n")
    cards = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    mac = cards["Taskbar CLI › Troubleshooting › macOS"]
    assert mac.prompt == "How do you fix it?" and mac.back.startswith("The installer links")
    trouble = cards["Taskbar CLI › Troubleshooting"]
    assert trouble.prompt == "How do you fix it?" and "pull requests" not in trouble.back
    assert cards["Taskbar CLI › Reload a plugin you are writing"].back == "```sh\ntaskbar reload id=mine\n```"
    assert not [front for front in cards if front.endswith("For developers") or front == "macOS"]


def test_a_list_announced_as_examples_of_a_rule_is_not_asked_without_the_rule() -> None:
    """`Common examples of …:` over four names: the rule above them (names starting with `~` are skipped) is what
    the section teaches; the examples stay under it in its explanation, and no card asks to list them alone."""
    text = ("# Backup\n## Skipped files\nFiles whose names start with `~` are temporary and never backed up, except "
            "`~config`.\n\nCommon examples of temporary files that are skipped:\n- `~lock`\n- `~swap`\n- `~cache`\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "list"]
    [card] = [c for c in cards if c.rule == "explain"]
    assert card.back.startswith("Files whose names start with `~`") and card.back.endswith("- `~cache`")
    whole = text.replace("Common examples of temporary files that are skipped:", "Temporary files that are skipped:")
    assert [c.back for c in cards_of(whole) if c.rule == "list"] == ["- `~lock`\n- `~swap`\n- `~cache`"]


def test_a_type_whose_intro_leads_into_one_function_names_it() -> None:
    """`## Pattern type` says only what its functions take, over its one `### matches()`: the answer names the
    function the type offers, as it does for a type over several."""
    text = ("# Formulas\n## Pattern type\nFunctions you can use with a pattern. Example: `/ab+/`.\n\n### `matches()`\n"
            "`pattern.matches(value: string): boolean`\n\n- Returns true if the pattern matches `value`.\n")
    card = next(c for c in cards_of(text) if c.front == "Pattern type")
    assert card.back == "Functions you can use with a pattern. Example: `/ab+/`.\n\n- `matches()`"


def test_an_intro_that_only_says_the_task_can_be_done_over_its_ways_is_no_card() -> None:
    """`## Pin a tab` → `You can pin tabs to keep them open, also called sticky tabs.` over topics in bold that say
    how: the intro answers nothing the front asks, each way has its card. An intro that says how stays."""
    text = ("# Tabs\n## Pin a tab\nYou can pin tabs to keep them open, also called _sticky tabs_.\n\n"
            "**Pin from the tab bar**\n\nRight-click the tab and select **Pin**; a pin icon replaces its close button.\n\n"
            "**Pin with a command**\n\nRun `Pin current tab` from the command palette to pin the active tab.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert "Pin a tab" not in fronts and "Pin from the tab bar" in fronts and "Pin with a command" in fronts
    how = text.replace("You can pin tabs to keep them open", "You can pin tabs with a right-click or a command")
    assert "Pin a tab" in [c.front for c in cards_of(how.replace(", also called _sticky tabs_", ". Pinned tabs stay open"))
                           if c.rule == "explain"]


def test_a_numbered_list_announced_as_an_order_is_one_explanation_not_terms() -> None:
    """`Hooks run in the following order:` ⏎ `1. **Pre hooks** — …` ⏎ `2. **Post hooks** — …`: each item is a place
    in the order, so neither `Pre hooks` → `…run first` nor `List all 2` is a card; the section shows the order."""
    text = ("# Hooks\n## Run order\nHooks run in the following order:\n\n1. **Pre hooks** — scripts in `pre/` run first\n"
            "2. **Post hooks** — scripts in `post/` run after the build succeeds\n\n"
            "So a post hook can read what the build wrote.\n")
    cards = cards_of(text)
    assert [c.rule for c in cards] == ["explain"]
    assert cards[0].front == "Run order" and "1. **Pre hooks**" in cards[0].back and "2. **Post hooks**" in cards[0].back
    terms = text.replace("Hooks run in the following order:", "Hooks come in two kinds:").replace("## Run order", "## Kinds")
    assert {c.rule for c in cards_of(terms)} >= {"definition"}


def test_a_task_title_answered_by_what_its_subject_is_asks_the_subject_and_the_numbered_steps_get_their_card() -> None:
    """`# 잠금 충돌 해결` → `두 작업이 같은 파일을 동시에 잠그면 잠금 충돌이 생긴다.`: the line says what the conflict is,
    not how it is resolved (`## 잠금 충돌 해결 절차` does), so it is asked by its subject; the procedure, a script
    whose comments number its steps, is shown whole though longer than an answer's room, unlike a long script."""
    steps = "".join(f"# {n}. 단계 {n}\nlockctl step{n} --file data.db\n\n" for n in range(1, 8))
    text = (f"# 잠금 충돌 해결\n\n두 작업이 같은 파일을 동시에 잠그면 잠금 충돌이 생긴다.\n\n## 잠금 충돌 해결 절차\n\n"
            f"```bash\n{steps}```\n")
    cards = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    assert cards["잠금 충돌"].back == "두 작업이 같은 파일을 동시에 잠그면 잠금 충돌이 생긴다."
    assert "잠금 충돌 해결" not in cards
    procedure = cards["잠금 충돌 해결 절차"]
    assert "# 7. 단계 7" in procedure.back and "…" not in procedure.back
    unnumbered = text.replace(steps, "".join(f"# 단계 {n}\nlockctl step{n} --file data.db\n\n" for n in range(1, 8)))
    assert "잠금 충돌 해결 절차" not in {c.front for c in cards_of(unnumbered)}  # (a long script: its start alone)


def test_a_note_title_answered_by_a_line_that_names_the_note_as_a_how_to_is_no_card() -> None:
    """`# 버킷 웹 호스팅` → `버킷을 사용한 정적 웹사이트 호스팅 설정 방법.`: the line only says what the note holds; the
    steps are under its subheading, with their card."""
    text = ("# 버킷 웹 호스팅\n\n버킷을 사용한 정적 웹사이트 호스팅 설정 방법.\n\n## 호스팅 설정\n\n버킷을 공개로 바꾸고 "
            "`index.html`을 기본 페이지로 지정한다.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert fronts == ["호스팅 설정"]


def test_code_that_only_adds_methods_to_a_type_another_section_defines_is_no_card() -> None:
    text = ("# Shapes\n\n## Enum with data\n\n```rust\nenum Shape {\n    Circle(f64),\n    Square(f64),\n}\n```\n\n"
            "## Adding methods with impl\n\n```rust\nimpl Shape {\n    fn area(&self) -> f64 {\n        match self {\n"
            "            Shape::Circle(r) => 3.14 * r * r,\n            Shape::Square(s) => s * s,\n        }\n    }\n}\n```\n\n"
            "## Shape methods\n\n```rust\nimpl Shape {\n    fn name(&self) -> &str { \"shape\" }\n}\n```\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert "Adding methods with impl" not in fronts  # one example method on an enum the card does not show
    assert "Enum with data" in fronts and "Shape methods" in fronts  # the heading names the type it extends


def test_a_comparison_of_two_labelled_ways_in_one_code_block_shows_the_first_and_asks_the_other() -> None:
    text = ("# Query builder\n\n## Raw SQL vs builder\n\n```rust\n// raw SQL\ndb.run(\"SELECT id FROM items WHERE n > 3\");\n\n"
            "// builder\ntable(\"items\")\n    .select()\n    .filter(col(\"n\").gt(3))\n    .project(\"id\");\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain" and c.line == 3]
    assert card.front == ("Raw SQL vs builder\n\n```rust\n// raw SQL\ndb.run(\"SELECT id FROM items WHERE n > 3\");\n```")
    assert card.back == "```rust\n// builder\ntable(\"items\")\n    .select()\n    .filter(col(\"n\").gt(3))\n    .project(\"id\");\n```"


def test_a_list_of_two_only_one_of_which_has_a_card_stays_in_its_sections_answer() -> None:
    text = ("# Panels\n\n## Lock panels\n\nYou can lock a panel to control what it shows while you work elsewhere.\n\n"
            "To lock or unlock a panel, drag it onto the lock area.\n\nA locked panel behaves by its kind:\n\n"
            "- **Documents**: A locked document stays open. New documents open beside it instead of replacing it.\n"
            "- **Views** (like [[Outline]] or [[Graph]]): A locked view keeps showing the last document. Opening "
            "another one does not change it.\n\nFor locking in the editor, see [[Editor#Lock|Lock]].\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain" and c.front == "Lock panels"]
    assert "A locked view keeps showing the last document" in card.back and "continued" not in card.back


def test_a_table_of_one_repositorys_branches_is_no_answer_but_a_branching_model_is() -> None:
    own = ("# Pipelines\n\n## Practice repository\n\n- [demo-repo](https://example.com/demo) - the practice repo\n\n"
           "| 브랜치 | 설명 |\n|---|---|\n| `main` | app over SSH |\n| `ci/s3` | static files to S3 |\n"
           "| `ci/asg` | app to an autoscaling group |\n| `ci/eks-api` | API to EKS |\n")
    assert not [c for c in cards_of(own) if c.rule == "explain" and c.front == "Practice repository"]
    model = ("# Git Flow\n\n## Branches of Git Flow\n\n| 브랜치 | 설명 |\n|---|---|\n| `main` | 배포된 코드 |\n"
             "| `develop` | 다음 배포를 모으는 브랜치 |\n| `feature/*` | 기능 하나를 만드는 브랜치 |\n| `hotfix/*` | 배포된 버그 수정 |\n")
    assert [c for c in cards_of(model) if c.rule == "explain" and c.front == "Branches of Git Flow"]


def test_a_list_of_one_environments_variables_and_their_values_gives_no_cards() -> None:
    text = ("# Setup scripts\n\n## Variables (`env.sh`)\n\nThe settings of the whole project are edited in this file.\n\n"
            "* `PROJECT_ID`: the current gcloud project\n* `REGION`: `europe-west1` (Belgium)\n"
            "* `NET_NAME`: `demo-net`\n* `CLUSTER_NAME`: `demo-cluster` (GKE)\n")
    assert not [c for c in cards_of(text) if c.line >= 3]
    described = ("# kubectl\n\n## Environment\n\n* `KUBECONFIG`: the files kubectl reads its clusters from\n"
                 "* `KUBE_EDITOR`: the editor `kubectl edit` opens\n* `HTTPS_PROXY`: the proxy kubectl goes through\n")
    assert {c.front for c in cards_of(described) if c.rule == "definition"} >= {"`KUBECONFIG`", "`KUBE_EDITOR`"}


def test_a_day_of_works_step_under_a_caution_that_only_says_when_to_do_it_is_no_card() -> None:
    scope = ("# Day 9\n\n## Step 0: remove the old database (migration only)\n\n"
             "> ⚠️ **주의**: 기존 Master-Slave 구성에서 마이그레이션하는 경우에만 수행\n\n"
             "```bash\nkubectl delete statefulset db-replica -n shop\nkubectl delete svc db-read -n shop\n```\n")
    assert not [c for c in cards_of(scope, "day9-0110/README.md") if c.rule == "explain" and c.line == 3]
    reason = scope.replace("기존 Master-Slave 구성에서 마이그레이션하는 경우에만 수행",
                           "남은 PVC가 있으면 새 클러스터가 옛 데이터를 읽으므로 먼저 지울 것")
    assert [c for c in cards_of(reason, "day9-0110/README.md") if c.rule == "explain" and c.line == 3]


def test_an_item_that_states_joined_actions_is_no_term_its_sub_items_define() -> None:
    """`- 페이지 단위로 데이터를 읽고 씀` ⏎ `  - …`: a statement of what the disk does (an object, then actions joined
    by -고), not a name its sub-items define; a name over its sub-items stays a term."""
    text = ("# 디스크\n## 보조 기억 장치\n- 페이지 단위로 데이터를 읽고 씀\n    - 페이지 - 파일 시스템이 읽고 쓰는 단위\n"
            "    - 필요 없는 데이터까지 읽을 수 있음\n- 페이지 캐시\n    - 읽은 페이지를 메모리에 남겨 둠\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "term"]
    assert not any("읽고 씀" in front for front in fronts) and any(f.endswith("페이지 캐시") for f in fronts)


def test_labels_under_a_heading_that_says_where_something_is_used_are_asked_with_it() -> None:
    """`## Where Tokens are Used` ⏎ `- **Build jobs**` ⏎ `  - Pipelines pull images with a token.`: the label is a
    place of use, asked with the heading, never "What is it?"."""
    text = ("# Tokens\n## Where Tokens are Used\n- **Build jobs**\n    - Pipelines pull private images with a token.\n"
            "- **Webhooks**\n    - Incoming webhooks check a shared token before they run.\n")
    card = next(c for c in cards_of(text) if c.rule == "term" and "Webhooks" in c.front)
    assert card.front == "Webhooks (Where Tokens are Used)" and card.prompt.endswith("Explain")


def test_an_item_among_claims_about_the_heading_subject_is_a_trait_to_explain_not_a_term() -> None:
    """`#### 문서 저장소` ⏎ `- 스키마 없음` ⏎ `  - 앱이 형식을 관리해야 함` ⏎ `- 트랜잭션 일부를 포기하고 처리량 추구`: the
    list says what the subject is like, so the item over its sub-item is asked as a trait of it, with it; a list of
    names only keeps asking what each is."""
    text = ("#### 문서 저장소\n- 스키마 없음\n    - 애플리케이션이 문서 형식을 관리해야 함\n"
            "- 트랜잭션 일부를 포기하고 높은 처리량 추구\n")
    card = next(c for c in cards_of(text) if c.rule == "term")
    assert card.front == "문서 저장소 › 스키마 없음" and card.prompt.endswith("설명해 보세요")
    names = "#### 문서 저장소\n- 컬렉션\n    - 문서를 묶는 단위\n- 인덱스\n    - 필드로 문서를 빨리 찾게 함\n"
    assert {c.front for c in cards_of(names) if c.rule == "term"} == {"컬렉션", "인덱스"}


def test_a_list_one_item_of_which_names_an_aspect_is_an_outline_not_a_set_to_recite() -> None:
    """`**주-복제 구조**` ⏎ `- Primary: …` `- Replica: …` `- **복제 과정**` ⏎ `  - …`: `복제 과정` heads what is said
    of the structure, so no card asks to list the items (each has its own); a set of names still is asked."""
    text = ("# 복제\n**주-복제 구조**\n- Primary: 쓰기를 받는 노드\n- Replica: Primary를 복제하는 노드\n"
            "- **복제 과정**\n    - Primary가 로그를 Replica에 보낸다\n")
    assert "list" not in {c.rule for c in cards_of(text)}
    kinds = text.replace("- **복제 과정**\n    - Primary가 로그를 Replica에 보낸다\n", "- Arbiter: 투표만 하는 노드\n")
    assert "list" in {c.rule for c in cards_of(kinds)}


@pytest.mark.parametrize("line, kept", [
    ("- Keep: Keeps data", False),  # the term again, in another form, and a word any answer could end on
    ("- Find Page - Finds your page for a keyword", False),
    ("- Total: total of all numeric values.", False),
    ("- Drop: Removes the volume and its contents from the disk", True),
    ("- etcd: key-value 저장소", True),  # a short definition in words of its own
    ("- **Marks**: Converts `^^mark^^` to `==mark==`", True),  # the syntax it shows is the answer
])
def test_a_definition_that_only_says_its_term_again_in_other_forms_is_no_card(line: str, kept: bool) -> None:
    assert bool([c for c in cards_of(f"# Policies\n{line}\n") if c.rule == "definition"]) == kept


def test_a_heading_answered_by_its_own_words_again_is_no_explanation() -> None:
    assert not [c for c in cards_of("# Editor\n## Wrap lines\nWraps long lines.\n") if c.rule == "explain"]
    assert [c for c in cards_of("# Editor\n## Wrap lines\nBreaks a line wider than the pane at the last space.\n")
            if c.rule == "explain"]


@pytest.mark.parametrize("line, kept", [
    ("- --help: 도움말 메시지를 출력합니다.", False),  # every command line tool has it
    ("- -h: 사람이 읽기 쉬운 크기로 표시합니다.", True),  # (`df -h`: no help flag here)
    ("- 사용자: 쇼핑몰에서 물건을 사는 사람이다.", False),  # the user of the system the note designs
    ("- 사용자: 주문을 넣는 주체다. `POST /v1/orders` API를 호출한다.", False),  # (`사용자?` asks no API path)
    ("- 사용자: 주문을 넣는 주체다. 장바구니가 비면 추천 목록을 먼저 보여 준다.", True),
    ("- name: 상품 이름을 저장하는 필드다.", False),  # a column of an example table, named for what it holds
    ("- access_token: 권한 서버가 발급한 토큰 문자열", True),
])
def test_a_definition_of_an_everyday_word_in_the_notes_scenario_is_no_card(line: str, kept: bool) -> None:
    assert bool([c for c in cards_of(f"# 쇼핑몰 설계\n{line}\n") if c.rule == "definition"]) == kept


def test_a_line_that_says_what_an_example_note_holds_or_where_to_look_is_no_card() -> None:
    example = ("# 블로그 배포 파이프라인 예시\n\n테스트 → 이미지 빌드 → 서버 배포 흐름.\n\n## 빌드 단계\n\n"
               "이미지를 빌드하고 태그를 붙여 레지스트리에 올린다.\n")
    assert [c.front for c in cards_of(example) if c.rule == "explain"] == ["빌드 단계"]
    pointer = ("# Phones\n## Backup\nTo back up your notes on a phone see [[Back up your notes]].\n"
               "## Themes\nFor information on themes, please see [[Themes]].\n")
    assert not [c for c in cards_of(pointer) if c.rule == "explain"]


def test_sibling_settings_of_one_type_keep_their_names_shown_in_a_manifest_cloze() -> None:
    """`livenessProbe` and `readinessProbe` with the same timings: which one checks by HTTP is the example's choice,
    so blanks over both names could not be told apart; the names stay shown, what tells them apart is asked."""
    text = ("# Probes\n## Pod with probes\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n"
            "  containers:\n    - name: web\n      image: nginx\n      livenessProbe:\n        httpGet:\n"
            "          path: /healthz\n          port: 80\n        periodSeconds: 10\n      readinessProbe:\n"
            "        tcpSocket:\n          port: 80\n        periodSeconds: 10\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert "      livenessProbe:\n" in card.front and "      readinessProbe:\n" in card.front
    assert "{{c1::httpGet}}" in card.front and "{{c2::tcpSocket}}" in card.front
    assert "::periodSeconds" not in card.front  # both have it: what they share tells neither apart


def test_a_numbered_task_keeps_what_it_asks_for_up_to_the_solutions_first_step() -> None:
    """`/opt/backup.db 위치에 저장합니다.` between the task and the line over its first command is the task's target."""
    text = ("# Labs\n## Practice Test - Backup\n### 6\nETCD 데이터베이스의 스냅샷을 찍습니다.\n\n"
            "/opt/backup.db 위치에 백업 파일을 저장합니다.\n\n스냅샷을 찍습니다.\n"
            "```sh\netcdctl snapshot save /opt/backup.db\n```\n")
    [card] = cards_of(text)
    assert card.front == "ETCD 데이터베이스의 스냅샷을 찍습니다.\n\n/opt/backup.db 위치에 백업 파일을 저장합니다."
    assert card.back.startswith("스냅샷을 찍습니다.")


def test_one_actor_of_an_illustration_is_no_definition() -> None:
    text = ("# 비동기\n## 비동기로 요리하기\n- 사람 1 : 밥 데우기 → 김치 썰기\n- 사람 2 : 국 끓이기 → 고기 굽기\n\n"
            "## 구성 요소\n- containerd: 컨테이너를 동작시키는 엔진\n- Layer 2: 같은 네트워크 안에서 프레임을 전달하는 계층\n")
    assert [c.front for c in cards_of(text) if c.rule == "definition"] == ["containerd", "Layer 2"]


def test_a_lead_in_over_the_limitations_named_below_lists_them() -> None:
    text = ("# Backups\n## Limitations\nThe tool is built to be fast and cheap, so it makes a few deliberate "
            "trade-offs in how copies are kept.\n### Copies share one key\nEvery copy is sealed with the same key, "
            "so a leaked key opens them all.\n### No check on restore\nA restored file is not compared with the "
            "original, so silent damage is restored too.\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain" and c.line == 2]
    assert card.back.endswith("\n\n- Copies share one key\n- No check on restore")


def test_kinds_each_shown_only_by_an_example_of_one_template_construct_stay_in_the_explanation() -> None:
    text = ("# Templates\n## Store a value\nUse `{% let %}` to keep a value for later.\n\nA value can come from:\n"
            "- Numbers: `{% let size = 3 %}`\n- Other values: `{% let size = width %}`\n"
            "- Lookups: `{% let size = find:.box %}`\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule in ("definition", "list")]
    [card] = [c for c in cards if c.rule == "explain"]
    assert "- Numbers: `{% let size = 3 %}`" in card.back and "- Lookups:" in card.back
    syntax = "# Helm\n## Control\nHelm templates offer:\n- Conditions: `{{ if .Values.on }}`\n- Loops: `{{ range .Values.hosts }}`\n"
    assert [c.front for c in cards_of(syntax) if c.rule == "definition"] == ["Conditions", "Loops"]  # two constructs


def test_what_a_lab_s_commands_printed_is_left_out_of_the_answer_and_the_commands_stay() -> None:
    """A worked answer pasted from a terminal: the `kubectl get` listing, the `describe` block and the logs are what
    one practice cluster printed (its pod names, addresses, ages), nothing to recall; the commands, the comments
    that say why, a command's continued lines, its here-document and the file opened in an editor are the lesson."""
    text = ("# Labs\n## 301. Practice Test - Networking\n\n1. 서비스가 쓰는 포트를 찾으시오.\n\n"
            "```sh\n# 서비스 목록에서 PORT(S) 열을 봅니다.\n$ kubectl get svc -n shop -o wide\n"
            "NAME       TYPE        CLUSTER-IP     PORT(S)    AGE\ncart-svc   ClusterIP   10.104.7.22    8080/TCP   9m\n\n"
            "$ kubectl describe svc cart-svc -n shop\nName:              cart-svc\nNamespace:         shop\n"
            "Endpoints:         10.244.1.17:8080\n```\n\n"
            "2. cart 디플로이의 DB_HOST를 db.shop으로 바꾸고 ConfigMap을 적용하시오.\n\n"
            "```sh\n$ kubectl edit deploy cart -n shop\n        - name: DB_HOST\n          value: db.shop\n"
            "deployment.apps/cart edited\n$ cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\n"
            "metadata:\n  name: cart\nEOF\nconfigmap/cart created\n$ kubectl rollout status deploy/cart -n shop \\\n"
            "    --timeout=60s\ndeployment \"cart\" successfully rolled out\n```\n")
    first, second = cards_of(text)
    assert first.back == ("```sh\n# 서비스 목록에서 PORT(S) 열을 봅니다.\n$ kubectl get svc -n shop -o wide\n\n"
                          "$ kubectl describe svc cart-svc -n shop\n```")
    assert "value: db.shop" in second.back and "kind: ConfigMap\nmetadata:\n  name: cart\nEOF" in second.back
    assert "    --timeout=60s" in second.back
    assert "edited" not in second.back and "configmap/cart created" not in second.back
    assert "successfully rolled out" not in second.back
    written = ("# Kubectl\n## List services\nEvery service of a namespace, with its ports:\n\n"
               "```sh\nkubectl get svc -n shop\nNAME       TYPE        CLUSTER-IP     PORT(S)    AGE\n"
               "cart-svc   ClusterIP   10.104.7.22    8080/TCP   9m\n```\n")
    [card] = cards_of(written)
    assert card.back.endswith("```sh\nkubectl get svc -n shop\n```") and "10.104.7.22" not in card.back
    table = "# Columns\n## Listing columns\nThe columns a listing shows:\n\n```\nNAME   READY   STATUS\n```\n"
    assert "NAME   READY   STATUS" in cards_of(table)[0].back  # a table the note writes under no command stays


def test_an_answer_that_is_only_what_a_command_printed_goes_with_the_line_that_introduced_it() -> None:
    """`적용하면 다음과 같이 출력된다:` over `deployment.apps/web created`: what kubectl said it did in one lab, with
    nothing typed; the line that only announces it goes too, and a section left with nothing else gives no card."""
    text = ("# 배포\n## 매니페스트 적용\n`kubectl apply -f`는 파일에 적힌 상태로 리소스를 만들거나 바꾼다.\n\n"
            "적용하면 다음과 같이 출력된다:\n\n```\ndeployment.apps/web created\nservice/web created\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.back.startswith("`kubectl apply -f`는 파일에 적힌 상태로 리소스를 만들거나 바꾼다.\n")
    assert "출력된다" not in card.back and "created" not in card.back
    only = "# 배포\n## 두 리소스 만들기\n```\ndeployment.apps/web created\nservice/web created\n```\n"
    assert not [c for c in cards_of(only) if c.rule == "explain"]


def test_a_task_to_fix_what_is_broken_answered_from_one_lab_s_generated_pod_names_is_no_card() -> None:
    """`문제를 해결하고 수정하세요.` answered by what one lab's page showed (`From cart-7f9c6d8b5-q2w4z!`, a name its
    ReplicaSet made up) and a fix `상황에 맞게`: nothing the task lets a learner recall. The same task answered
    with no such name keeps its card."""
    lab = ("# Labs\n## 302. Practice Test - Application Failure\n### 2\n"
           "shop 네임스페이스의 웹 페이지가 뜨지 않습니다. 문제를 해결하고 수정하세요.\n\n"
           "```\n페이지에 접속하면 DB 연결이 거부됩니다.\nFrom cart-7f9c6d8b5-q2w4z!\n```\n\n"
           "db 서비스의 포트를 상황에 맞게 수정합니다.\n\n```sh\n$ kubectl edit svc db -n shop\n```\n")
    assert not [c for c in cards_of(lab) if c.rule == "exercise"]
    plain = lab.replace("From cart-7f9c6d8b5-q2w4z!\n", "")
    assert [c.rule for c in cards_of(plain)] == ["exercise"]


def test_notes_on_one_thing_with_glossed_names_and_remarks_are_no_list_to_recite() -> None:
    """Under `**지연 시간**` an item glosses a name (`- 측정 관점: …`) and the others are remarks of another kind (a
    clause about a subject, words in quotes): not members of one set, so no `나열해 보세요` card of the names; the
    label is explained with the glosses kept. The same lead-in over names of one kind, some glossed, stays a list."""
    notes = ("# 네트워크\n## 성능\n도입 문장이다.\n\n**지연 시간**\n"
             "- 측정 관점: 패킷이 출발해서 도착하기까지 걸린 시간\n"
             "- \"한 번 오가는 데 드는 시간\"\n- 왕복 시간은 제외\n")
    cards = cards_of(notes)
    assert not [c for c in cards if c.rule == "list"]
    [explained] = [c for c in cards if c.rule == "explain"]
    assert explained.front == "지연 시간" and "- 측정 관점: 패킷이 출발해서" in explained.back
    assert "왕복 시간은 제외" in explained.back
    kinds = ("# 네트워크\n## 규모\n도입 문장이다.\n\n**규모에 따른 분류**\n- PAN(Personal Area Network)\n"
             "- LAN(Local Area Network) - 건물 하나\n- WAN(Wide Area Network) - 나라와 대륙\n")
    [listed] = [c for c in cards_of(kinds) if c.rule == "list"]
    assert listed.back.startswith("- PAN(Personal Area Network)\n- LAN")


def test_an_item_naming_an_aspect_of_something_makes_the_list_an_outline() -> None:
    """`- 슬라이딩 윈도우의 한계` beside `- 송신 측: …` and `- 수신 측: …`: a point about the label among the actors
    it speaks of, not one of a set; each point keeps its own card and no card recites the three labels."""
    notes = ("# 전송\n## 흐름 제어\n도입 문장이다.\n\n**슬라이딩 윈도우**\n- 송신 측: 윈도우 크기만큼 확인 없이 보낸다\n"
             "- 수신 측: 받은 만큼 윈도우를 다시 알린다\n- 슬라이딩 윈도우의 한계\n  - 수신 측이 느리면 송신이 멈춘다\n")
    cards = cards_of(notes)
    assert not [c for c in cards if c.rule == "list"]
    assert {"송신 측", "수신 측"} <= {c.front for c in cards}


def test_a_list_of_code_lines_each_glossed_is_asked_with_its_glosses() -> None:
    """`- `retries 3` — try three times`: lines of code (a setting and its value, an expression) are no names to
    recite; what each does is the lesson, so the lead-in is explained with the glosses, or each line asked on its
    own when it makes a card. Names in code with glosses (`- `tmpfs` — …`) stay a list."""
    notes = ("# Client\n## Settings\nIntro sentence here.\n\n**Retry settings** tune failures:\n\n"
             "- `retries 3` — try three times\n- `backoff 2s` — wait between tries\n- `jitter on` — spread the waits\n")
    cards = cards_of(notes)
    assert [(c.rule, c.front) for c in cards] == [("definition", "`retries 3`"), ("definition", "`backoff 2s`"),
                                                  ("definition", "`jitter on`")]
    sums = ("# Sheets\n## Math\nIntro sentence here.\n\n**Sums** combine cells:\n\n"
            "- `a1 + b1` — add two cells\n- `a1 - b1` — take one from the other\n")
    [explained] = [c for c in cards_of(sums) if c.rule != "explain"]
    assert explained.prompt == "Explain" and explained.front == "**Sums** combine cells"
    assert explained.back == "- `a1 + b1` — add two cells\n- `a1 - b1` — take one from the other"
    names = notes.replace("`retries 3`", "`tmpfs`").replace("`backoff 2s`", "`overlay`").replace("`jitter on`", "`bind`")
    [listed] = [c for c in cards_of(names) if c.rule == "list"]
    assert listed.back == "- `tmpfs`\n- `overlay`\n- `bind`"


def test_a_list_under_a_made_up_case_is_no_set_to_recite() -> None:
    """`Imagine you keep two folders:` over `- **Drafts**` `- **Archive**`: the parts of a case made up to show
    something, not a set the notes name."""
    notes = ("# Vault\n## Moving notes\nLinks follow a moved note.\n\nImagine you keep two folders:\n\n"
             "- **Drafts**\n  - plan.md\n- **Archive**\n  - old-plan.md\n")
    assert not [c for c in cards_of(notes) if c.rule == "list"]


def test_a_command_that_only_spells_out_its_heading_is_no_card() -> None:
    """`# Podman Pull` over a table whose first row is `podman pull` (`기본 레지스트리에서 받기`): the heading the learner
    sees is the answer. The rows that add a flag, an argument or a path stay, and so does a command under a heading
    that names another of its words (`List Volumes` → `docker volume ls`)."""
    notes = ("# Podman Pull\n\n이미지를 받아 온다.\n\n| 명령어 | 설명 |\n|---|---|\n"
             "| `podman pull` | 기본 레지스트리에서 받기 |\n| `podman pull --all-tags` | 모든 태그 받기 |\n"
             "| `podman pull ./local` | 로컬 경로에서 받기 |\n")
    backs = [c.back for c in cards_of(notes) if c.rule == "reference"]
    assert backs == ["`podman pull --all-tags`", "`podman pull ./local`"]
    shell = ("# Volumes\n## Volume commands\n\n```sh\n# List Volumes\ndocker volume ls\n\n"
             "# Prune Volumes\ndocker volume prune\n```\n")
    fronts = [c.front for c in cards_of(shell)]
    assert [front for front in fronts if front.endswith("List Volumes")]
    assert not [front for front in fronts if front.endswith("Prune Volumes")]


def test_the_person_or_device_of_a_design_is_no_term() -> None:
    """In a designed system the reader (`사용자`) and the phone in their hand (`안드로이드 단말`) are defined by the
    scenario (`… 사용자 단말이다`, `… 주체다` and the API it calls, listed above): nothing to learn. A component with
    a job of its own stays."""
    notes = ("# 채팅 설계\n## 개략적 설계\n\n**메시지 수신**\n\n"
             "* 사용자: 메시지를 받아 보는 주체다. `GET /v1/messages` API를 호출한다.\n"
             "* 안드로이드 단말: 채팅 메시지를 받는 사용자 단말이다.\n"
             "* 메시지 동기화 큐: 단말마다 아직 받지 않은 메시지를 순서대로 보관한다.\n")
    fronts = [c.front for c in cards_of(notes) if c.rule == "definition"]
    assert fronts == ["메시지 동기화 큐"]


def test_a_line_that_only_sends_to_a_detailed_page_is_no_answer() -> None:
    """`For detailed information about …, see [[…]].` under a heading: the answer is on the other page."""
    notes = ("# Phone app\n## Panels\n\nFor detailed information about how panels open on phones, "
             "see [[Panels#On phones|Opening panels on phones]].\n\n## Gestures\n\nSwipe down from the top to "
             "open the command palette on a phone.\n")
    assert [c.front for c in cards_of(notes)] == ["Gestures"]


def test_korean_filler_words_add_nothing_to_a_restated_term() -> None:
    """`여러 채널의 알림 전송` → `SNS와 같은 멀티 채널 환경에서의 알림 전송`: the term again with `같은`, `환경` and an
    example; a gloss in words of its own (`알림 전송` → `구독자에게 이벤트를 푸시한다`) stays."""
    notes = ("# 큐\n## 활용 사례\n\n- 여러 채널의 알림 전송 : SNS와 같은 멀티 채널 환경에서의 알림 전송\n"
             "- 알림 전송 : 구독자에게 이벤트를 푸시하고 실패하면 다시 보낸다\n")
    assert [c.front for c in cards_of(notes) if c.rule == "definition"] == ["알림 전송"]


SOURCE_WALKTHROUGH = (
    "# Quill 커서 모듈\n\n편집기의 커서 위치를 다루는 모듈.\n\n> 소스: `src/editor/cursor.rs`\n\n"
    "## Mode 열거형\n\n```rust\n#[derive(Debug, Clone)]\npub enum Mode {\n    Insert,\n    Select { anchor: usize },\n"
    "    Jump(usize),\n}\n```\n\n세 가지 모드를 둔다.\n\n"
    "## 구조체 정의\n\n| 필드 | 타입 | 설명 |\n|---|---|---|\n| `line` | `usize` | 커서가 있는 줄 |\n"
    "| `column` | `usize` | 줄 안의 글자 위치 |\n\n"
    "## 호출 흐름\n\n```\nread_key()          키 읽기\n    ↓\nmove_cursor(key)    위치 갱신\n    ↓\n"
    "redraw(view)        다시 그리기\n```\n\n"
    "## 열 위치를 기억하는 이유\n\n짧은 줄을 지나 긴 줄로 돌아올 때 원래 열로 돌아가도록, 이동 전의 열을 따로 보관한다. "
    "그래서 위아래로 움직여도 커서가 왼쪽으로 밀려나지 않는다.\n\n"
    "## 모드 전환\n\n```rust\nimpl Cursor {\n    pub fn toggle(&mut self) {\n        self.mode = match self.mode {\n"
    "            Mode::Insert => Mode::Jump(0),\n            _ => Mode::Insert,\n        };\n    }\n}\n```\n")


def test_a_note_walking_through_one_codebases_source_asks_no_declarations_of_it() -> None:
    """Under `> 소스: `src/…``, a type's declaration with a remark, a table of its fields and a drawing of the
    program's own calls are what one codebase named its parts: nothing to recite. Why it is built so (prose) and code
    that does something stay; the same declaration in a note that names no source is a lesson in the language."""
    fronts = {c.front for c in cards_of(SOURCE_WALKTHROUGH)}
    assert not fronts & {"Mode 열거형", "`line`", "`column`", "구조체 정의", "호출 흐름"}
    assert {"열 위치를 기억하는 이유", "모드 전환"} <= fronts
    tutorial = SOURCE_WALKTHROUGH.replace("> 소스: `src/editor/cursor.rs`\n\n", "")
    assert "Mode 열거형" in {c.front for c in cards_of(tutorial)}


def test_a_dependency_table_of_a_walked_through_codebase_is_no_card() -> None:
    """`크레이트 | 용도` in a note that documents one program's source: which crates that program pulls in. Another
    table there (`메서드 | 설명`: what the code offers) stays, its methods asked by what they do."""
    notes = ("# Quill CLI\n\n명령줄 진입점.\n\n> Source: `cli/src/`\n\n## 의존성\n\n| 크레이트 | 용도 |\n|---|---|\n"
             "| `argh` | 인자 파싱 |\n| `owo-colors` | 색 출력 |\n| `similar` | 차이 계산 |\n\n"
             "## 주요 메서드\n\n| 메서드 | 설명 |\n|---|---|\n| `open(path)` | 파일을 연다 |\n| `save()` | 파일에 쓴다 |\n")
    fronts = {c.front for c in cards_of(notes)}
    assert "의존성" not in fronts and "`argh`" not in fronts
    assert {"주요 메서드 › 파일을 연다", "주요 메서드 › 파일에 쓴다"} <= fronts


def test_a_note_on_ones_own_scripts_is_not_asked_by_its_title() -> None:
    """`Backup scripts - nightly module` over a table of its own shell files: the title names the author's own
    scripts, and what they build is nothing anyone else can be asked. A note of the same shape on a tool stays."""
    notes = ("# Backup scripts - nightly module\n\nCopies the database to object storage every night and keeps "
             "seven days of copies.\n\n## Files\n\n| File | Purpose |\n|---|---|\n| `nightly-backup.sh` | take a copy |\n"
             "| `nightly-prune.sh` | drop old copies |\n\n## Why object storage\n\nObject storage is cheap for data "
             "written once and read rarely, and it keeps copies off the database host.\n")
    fronts = {c.front for c in cards_of(notes)}
    assert "Backup scripts - nightly module" not in fronts and "Why object storage" in fronts
    tool = notes.replace("# Backup scripts - nightly module", "# pg_dump")
    assert "pg_dump" in {c.front for c in cards_of(tool)}


def test_a_block_fenced_as_sql_that_runs_a_program_is_asked_as_a_command() -> None:
    """```` ```sql ```` over `sudo systemctl restart postgres`: the note files it with the database, but the learner
    types it at a shell; a statement (`SHOW TABLES;`) stays SQL."""
    notes = ("# 운영\n## 재시작\n\n```sql\nsudo systemctl restart postgres\n```\n\n"
             "## 목록\n\n```sql\nSHOW TABLES;\n```\n")
    assert {c.front: c.prompt for c in cards_of(notes)} == {"운영 › 재시작": "명령어로 써 보세요", "운영 › 목록": "SQL로 써 보세요"}


def test_an_explanation_cut_in_a_list_finishes_the_list() -> None:
    """The room runs out inside the list the heading is about: the list shows whole (within twice the room), and
    only what comes after it is left to the note."""
    points = "\n".join(f"- rule number {n} keeps the pantry shelves in order" for n in range(1, 9))
    notes = ("# Pantry\n## Shelving rules\n\nThe shelves follow a few rules of their own.\n\n"
             + "Older jars go to the front.\nHeavy tins go low.\n\n" + points + "\n\n"
             + ("After the rules, a long story about the pantry's history follows here and goes on. " * 4 + "\n\n") * 3)
    [card] = [c for c in cards_of(notes) if c.rule == "explain"]
    assert "rule number 8" in card.back and "history" not in card.back
    assert card.back.endswith("continued in the note]]")


def test_words_after_a_list_of_asked_terms_stay_in_the_explanation() -> None:
    """`- origin : …` (a term with its card) touches the next line of the section (`no-store : …`): that line is
    still the section's, and no other card shows it."""
    notes = ("# Headers\n## Cache-Control\n\ndirectives\n\nmax-age : seconds a copy stays fresh\n\n"
             "no-cache : store it but check with the origin first\n\n- origin : the server that owns the resource\n\n"
             "no-store : never keep a copy anywhere\n")
    [card] = [c for c in cards_of(notes) if c.rule == "explain"]
    assert "no-store" in card.back


def test_a_list_of_tags_a_sentence_announces_is_its_answer() -> None:
    """`…write them in one of these styles:` over `- #dailyLog` `- #daily_log`: the tags are what it says."""
    notes = ("# Notes\n## Naming tags\n\nTags hold no spaces. To join words, write them in one of these styles:\n\n"
             "- #dailyLog\n- #daily_log\n- #daily-log\n")
    [card] = [c for c in cards_of(notes) if c.rule == "explain"]
    assert "#daily_log" in card.back and "continued" not in card.back


def test_only_pros_and_cons_under_a_term_are_asked_as_such() -> None:
    """`- 캐시 서버 두기` ⏎ `  - 장점` ⏎ `    - …` ⏎ `  - 단점`: the way is weighed, not defined; asked for its pros and
    cons. A term explained in words of its own keeps "무엇인가요?"."""
    notes = ("# 조회 성능\n## 방안\n\n- 캐시 서버 두기\n  - 장점\n    - 읽기가 빠르다\n  - 단점\n    - 데이터가 늦게 맞춰진다\n"
             "- 읽기 전용 복제본\n  - 주 서버의 데이터를 복제해 읽기만 받는 서버\n")
    prompts = {c.front: c.prompt for c in cards_of(notes) if c.rule == "term"}
    assert prompts["캐시 서버 두기"].endswith("장단점은?")
    assert prompts["읽기 전용 복제본"].endswith("무엇인가요?")


def test_a_label_in_a_note_without_headings_is_asked_with_the_note_title() -> None:
    """`**Wide modes**` over its list in a note titled `Lens Mount`, with no heading: the label alone does not say
    what it is about."""
    notes = "Kinds of mount a lens can have.\n\n**Wide modes**\n- FX\n- DX\n- CX\n"
    [listed] = [c for c in cards_of(notes, path="Lens Mount.md") if c.rule == "list"]
    assert listed.front == "Lens Mount › Wide modes"


def test_a_manifest_value_the_task_or_the_line_above_chose_stays_shown() -> None:
    """A Service whose type the exercise asked for (`… through a NodePort Service`) or the line above it names:
    which type it is was the note's choice, not something the learner can tell from the manifest. Left with only
    the example's own values, the manifest has no card; a key the section is about is still asked beside it."""
    service = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: shop-svc\nspec:\n  type: NodePort\n"
               "  selector:\n    app: shop\n  ports:\n  - port: 80\n    targetPort: 8080\n")
    task = ("# Drills\n## 7. Open the shop\n### 문제\n```\nMake the shop reachable through a NodePort Service "
            "named shop-svc.\n```\n### 답안\n```yaml\n" + service + "```\n")
    assert not [c for c in cards_of(task) if c.rule == "manifest"]
    plain = "# Networking\n## Shop\n```yaml\n" + service + "```\n"
    [card] = [c for c in cards_of(plain) if c.rule == "manifest"]
    assert "type: {{c2::NodePort}}" in card.front  # nothing chose it: asked
    above = "# Networking\n## Shop Service\nNodePort로 열어 둔다:\n```yaml\n" + service + "```\n"
    [card] = [c for c in cards_of(above) if c.rule == "manifest"]
    assert "type: NodePort" in card.front and "{{c1::ports}}:" in card.front


def test_items_numbered_under_one_label_are_asked_together() -> None:
    """`- 장점 1: …`, `- 장점 2: …`: which is number 2 is the note's order; one card asks them under their label, or
    the section's explanation does when they are its whole list."""
    text = ("# 캐시\n## 로컬 캐시\n- 위치: 애플리케이션 메모리 안\n- 장점 1: 네트워크를 타지 않아 빠르다\n"
            "- 장점 2: 따로 운영할 서버가 없다\n\n## 캐시 무효화\n갱신된 데이터가 캐시에 남는 문제가 있다.\n"
            "* 대책 1\n  * 쓰기 때 해당 키를 지운다\n* 대책 2\n  * 짧은 만료 시간을 둔다\n")
    cards = cards_of(text)
    assert not [c for c in cards if re.search(r"\d$", c.front)]
    [together] = [c for c in cards if c.front == "로컬 캐시 › 장점"]
    assert together.back == "- 장점 1: 네트워크를 타지 않아 빠르다\n- 장점 2: 따로 운영할 서버가 없다"
    assert "위치" in [c.front for c in cards]
    [explained] = [c for c in cards if c.front == "캐시 무효화"]
    assert "* 대책 2\n  * 짧은 만료 시간을 둔다" in explained.back


def test_a_heading_that_points_back_or_is_a_bare_value_is_asked_with_what_it_is_of() -> None:
    """`둘의 차이점?` names neither of the two; `none` under an analyzer's options says not which option takes it."""
    text = ("# 락\n## 낙관적 락과 비관적 락\n- 낙관적 락: 충돌이 드물다고 보고 커밋 때 확인\n- 비관적 락: 읽을 때부터 잠근다\n"
            "### 둘의 차이점?\n충돌을 언제 확인하느냐가 다르다: 커밋 때인가, 읽을 때인가.\n")
    assert "낙관적 락과 비관적 락 › 둘의 차이점?" in [c.front for c in cards_of(text)]
    value = ("# Tokenizer\n## split_mode\n```\n\"split_mode\": \"none\"\n```\n"
             "### none\nWords are kept whole: `sunflower` stays one token instead of `sun` and `flower`.\n")
    assert "split_mode › split_mode: none" in [c.front for c in cards_of(value)]


def test_an_option_is_asked_with_its_command() -> None:
    """`- -v : …` under `podman run -v …` or a heading `rsync 옵션`: `-v` alone names no command; a term that says
    when something happens (`토큰 만료 시`) is a moment of a process, not a term."""
    text = ("# 컨테이너\n## 볼륨\n`podman run -v /data:/data 이미지`\n* -v : 호스트 디렉터리 연결\n"
            "* --rm : 종료 후 삭제\n\n## rsync 옵션\n- -a : 권한과 시간 보존\n- -z : 전송 중 압축\n\n"
            "## 갱신\n1. 토큰 만료 시 : 클라이언트가 리프레시 토큰을 보낸다\n2. 새 토큰 발급: 서버가 새 액세스 토큰을 준다\n")
    fronts = [c.front for c in cards_of(text)]
    assert {"podman run -v", "podman run --rm", "rsync -a", "rsync -z"} <= set(fronts)
    assert not [f for f in fronts if f.startswith("-") or f.endswith(" 시")]


def test_a_comparison_is_asked_with_what_its_table_compares() -> None:
    """`비교 테이블` under `캐시 방식 비교` says that it compares, the header row says what (a table of one aspect,
    which stays the section's explanation; one of several is asked aspect by aspect); a table whose rows are the
    things compared (`| 모드 | … |`) is asked mode by mode, and a heading that already names them (`A vs B`) stays."""
    table = "| 항목 | 로컬 캐시 | 분산 캐시 |\n|---|---|---|\n| 속도 | 빠름 | 느림 |\n"
    text = "# 캐시\n## 캐시 방식 비교\n### 비교 테이블\n" + table
    assert "캐시 방식 비교 › 비교 테이블 (로컬 캐시 vs 분산 캐시)" in [c.front for c in cards_of(text)]
    assert "로컬 캐시 vs 분산 캐시 › 일관성" in [c.front for c in cards_of(text + "| 일관성 | 낮음 | 높음 |\n")]
    rows = "# 캐시\n## 모드 비교\n| 모드 | 속도 | 일관성 |\n|---|---|---|\n| 로컬 | 빠름 | 낮음 |\n| 분산 | 느림 | 높음 |\n"
    assert "모드 비교 › 로컬" in [c.front for c in cards_of(rows)]
    named = "# 캐시\n## 로컬 vs 분산 비교\n" + table
    assert "로컬 vs 분산 비교" in [c.front for c in cards_of(named)]


def test_a_main_features_heading_is_asked_with_its_topic() -> None:
    """`주요 특징` alone says not whose features they are."""
    text = "# ReplicaSet\n## 주요 특징\n- 지정한 수의 파드를 유지한다\n- 레이블 셀렉터로 파드를 고른다\n"
    assert "ReplicaSet › 주요 특징" in [c.front for c in cards_of(text)]


def test_a_manifest_whose_topic_divides_into_parts_is_asked_part_by_part() -> None:
    """Two kinds of one setting side by side (a hard rule and a soft one under `nodeAffinity`) would be more blanks
    than a card holds: each kind gets its own card, hiding only its keys, not the object's kind."""
    text = ("# Scheduling\n## Node Affinity\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n"
            "  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n"
            "        nodeSelectorTerms:\n        - matchExpressions:\n          - key: disk\n            operator: In\n"
            "            values: [ssd]\n          matchFields:\n          - key: metadata.name\n            operator: In\n"
            "            values: [n1]\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 10\n"
            "        preference:\n          matchExpressions:\n          - key: zone\n            operator: In\n"
            "            values: [a]\n  containers:\n  - name: db\n    image: postgres\n```\n")
    hard, soft = [c for c in cards_of(text) if c.rule == "manifest"]
    assert "{{c1::requiredDuringSchedulingIgnoredDuringExecution}}" in hard.front and "preferredDuring" in hard.front
    assert "{{c1::preferredDuringSchedulingIgnoredDuringExecution}}" in soft.front
    assert "::preferred" not in hard.front and "::required" not in soft.front
    assert "kind: Pod" in hard.front and "kind: Pod" in soft.front and hard.anchor != soft.anchor


def test_a_file_name_in_a_manifest_comment_gives_its_kind_away() -> None:
    """`# cache-secret.yaml` over the manifest names what it is: its `kind` is no blank."""
    text = ("# Config\n## Cache\n```yaml\n# cache-secret.yaml\napiVersion: v1\nkind: Secret\nmetadata:\n  name: cache\n"
            "type: Opaque\nstringData:\n  password: hunter2\n```\n")
    for card in [c for c in cards_of(text) if c.rule == "manifest"]:
        assert "kind: Secret" in card.front


def test_a_manifest_card_does_not_ask_only_the_frame_every_object_has() -> None:
    """Under a heading about running a Pod a certain way, `containers:` is the one key the spec has: asking it alone
    asks nothing of what the section is about."""
    text = ("# Exercises\n## Static Pod\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n"
            "  containers:\n  - image: nginx\n    name: web\n```\n")
    assert not [c for c in cards_of(text) if c.rule == "manifest"]


# --- a card names its note: the folder where the title alone does not tell it apart ------------------------------

def test_a_note_title_that_other_notes_share_is_shown_with_the_nearest_folder_that_tells_it_apart() -> None:
    """`replication` under `postgres/` and under `mysql/`: each card says which, by as few folders as tell them apart;
    a title used once stays as it is (`PgBouncer`), and so does a shared title at the top; but a file's slug alone
    (`pgbouncer`, `refresh`) gets the folder that names its subject, unless the slug names it already."""
    from flashgen.cards.naming import shown_titles

    titles = shown_titles(["db/postgres/replication.md", "db/mysql/Replication.md", "db/postgres/PgBouncer.md",
                           "old/mysql/replication.md", "replication.md", "pooling/intro.md", "kafka/notes/Overview.md",
                           "search/elasticsearch/refresh.md", "search/elasticsearch/elasticsearch-refresh.md",
                           "notes/rebalance.md"])
    assert titles["db/postgres/replication.md"] == "postgres/replication"
    assert titles["db/mysql/Replication.md"] == "db/mysql/Replication"  # `mysql/` alone is the old note's too
    assert titles["old/mysql/replication.md"] == "old/mysql/replication"
    assert "db/postgres/PgBouncer.md" not in titles and "replication.md" not in titles
    assert titles["search/elasticsearch/refresh.md"] == "elasticsearch/refresh"
    assert "search/elasticsearch/elasticsearch-refresh.md" not in titles  # (the slug names its subject)
    assert "notes/rebalance.md" not in titles  # (a folder that names no subject)
    assert titles["pooling/intro.md"] == "pooling/intro"  # a title that names no subject: its folder's is
    assert titles["kafka/notes/Overview.md"] == "kafka/notes/Overview"  # a folder as vague as the title: one more
    # an exercise's own files (`01-pod/solution.md`, `instructions.md`, `문제.md`) name a part of it, not a subject
    exercise = shown_titles(["exercises/02-pod/solution/solution.md", "cka/07-sidecar/문제.md", "notes/Pods.md"])
    assert exercise == {"exercises/02-pod/solution/solution.md": "02-pod/solution/solution",
                        "cka/07-sidecar/문제.md": "07-sidecar/문제"}


def test_the_breadcrumb_of_a_card_names_its_notes_folder_without_changing_the_cards_identity(tmp_path: Path) -> None:
    """The deck's breadcrumb starts with the note as the learner can place it (`postgres/replication › 동기 복제`); a
    note of the same name added later changes it in the next build, while the card keeps its GUID."""
    import json
    import sqlite3
    import zipfile

    def breadcrumbs(deck: Path) -> dict[str, str]:
        with zipfile.ZipFile(deck) as archive:
            archive.extract("collection.anki2", tmp_path / "read")
        with sqlite3.connect(tmp_path / "read" / "collection.anki2") as db:
            models = {int(mid): [f["name"] for f in model["flds"]]
                      for mid, model in json.loads(db.execute("SELECT models FROM col").fetchone()[0]).items()}
            return {guid: dict(zip(models[mid], flds.split("\x1f")))["Context"]
                    for guid, mid, flds in db.execute("SELECT guid, mid, flds FROM notes")}

    vault = tmp_path / "vault"
    text = "## 동기 복제\n- 커밋은 대기 서버가 기록을 받은 뒤에 끝난다\n- 대기 서버가 멈추면 쓰기도 멈춘다\n"
    write_note(vault, "db/postgres/Replication.md", text)
    first = breadcrumbs(build(vault, tmp_path / "out", site=False).deck_path)
    assert first and set(first.values()) == {"Replication › 동기 복제"}
    write_note(vault, "db/mysql/Replication.md", text.replace("커밋은", "트랜잭션은"))
    second = breadcrumbs(build(vault, tmp_path / "out", site=False).deck_path)
    assert {guid: second[guid] for guid in first} == {guid: "postgres/Replication › 동기 복제" for guid in first}
    assert set(second.values()) == {"postgres/Replication › 동기 복제", "mysql/Replication › 동기 복제"}


# --- a procedure cut before it ends ---------------------------------------------------------------------------

MAIL_STEPS = ["저장소 키 등록", "패키지 설치", "설정 파일 복사", "서비스 시작", "방화벽 열기", "동작 확인"]


def _how_to_with_commands() -> str:
    """A how-to written as bullets, each with its commands under it, too long for one answer."""
    step = ("- {name}\n```bash\nsudo apt-get install -y --no-install-recommends {pkg}-server {pkg}-tools {pkg}-doc\n"
            "sudo systemctl enable --now {pkg}-server.service\nsudo systemctl status {pkg}-server.service --no-pager\n"
            "journalctl -u {pkg}-server.service --since today --no-pager | tail -n 20\n```\n\n")
    return "# 메일 서버\n## 메일 서버 구축하기\n" + "".join(
        step.format(name=name, pkg=f"mail{number}") for number, name in enumerate(MAIL_STEPS))


def test_a_how_to_cut_before_its_last_step_is_asked_in_parts_of_whole_steps() -> None:
    """Half a procedure cannot be recalled as the procedure: each part names which of how many steps it holds,
    together the parts hold every step, and each step's commands stay on the card of the step they belong to."""
    text = _how_to_with_commands()
    parts = [c for c in cards_of(text) if c.rule == "explain"]
    assert len(parts) >= 2 and all("단계 (전체 6단계)" in c.front for c in parts)
    assert not any("노트에서 계속" in c.back for c in parts)
    for number, name in enumerate(MAIL_STEPS):
        holding = [c for c in parts if f"- {name}" in c.back]
        assert len(holding) == 1 and f"mail{number}-server.service --since" in holding[0].back


def test_a_script_whose_comments_number_its_steps_is_split_at_its_steps() -> None:
    """A script cut after its second step leaves the learner without the rest: its parts end where a step ends,
    never between the lines of one command."""
    steps = "".join(f"# {number}. Create the queue {number}\naws sqs create-queue \\\n"
                    f"    --queue-name jobs-{number} \\\n"
                    "    --attributes VisibilityTimeout=60,MessageRetentionPeriod=86400 \\\n    --region eu-west-1\n\n"
                    for number in range(1, 8))
    text = f"# Queues\n## Set up the job queues\nThe queues every worker reads.\n\n```bash\n{steps}```\n"
    parts = [c for c in cards_of(text) if c.rule == "explain"]
    assert len(parts) >= 2 and parts[0].front.endswith("of 7") and "The queues every worker reads." in parts[0].back
    for number in range(1, 8):
        holding = [c for c in parts if f"jobs-{number} " in c.back]
        assert len(holding) == 1 and "--region eu-west-1" in holding[0].back.split(f"jobs-{number} ")[1]
    assert all(c.back.startswith(("```", "The queues")) and c.back.endswith("```") for c in parts)


def test_points_with_code_under_a_heading_that_names_no_task_keep_their_cut() -> None:
    """A list of cautions, each with an example, is no procedure: no card asks it as steps."""
    text = _how_to_with_commands().replace("## 메일 서버 구축하기", "## 메일 서버 운영 시 주의할 점")
    cards = [c for c in cards_of(text) if c.rule == "explain"]
    assert cards and not any("단계 (전체" in c.front for c in cards)


def test_a_bare_fence_of_commands_each_under_its_own_comment_asks_each_command() -> None:
    """A heading over a fence with no language holding several commands, each led by comment lines that explain
    it, is three facts on one card: each command is asked by its whole comment; a comment that only names its
    command asks nothing; a divider is no description; a config file in a bare fence stays one explanation."""
    text = ("# 스토리지\n## 볼륨 정리\n```\n# 쓰지 않는 볼륨을 지웁니다.\n# 컨테이너가 붙은 볼륨은 남습니다.\n"
            "docker volume prune\n\n# 볼륨 하나를 이름으로 지웁니다.\ndocker volume rm <이름>\n\n# ls\ndocker volume ls\n```\n\n"
            "---\n\n**관련 문서**: [[docker]]\n\n"
            "## 이미지 정리\n```bash\n# --- 로컬 이미지 ------------------\ndocker image prune\ndocker image ls\n\n"
            "# 태그 없는 이미지만 지움\ndocker image prune -f\n```\n\n"
            "## 데몬 설정\n```\n# 로그 드라이버 지정\nlog-driver = json-file\n\n# 로그 파일 크기 제한\nlog-max-size = 10m\n```\n\n"
            "## 볼륨 조회\n```\n# 볼륨 목록 보기\n$ docker volume ls\nlocal     data\n\n# 볼륨 자세히 보기\n"
            "$ docker volume inspect data\n```\n")
    cards = cards_of(text)
    asked = {c.front: c.back for c in cards if c.prompt == "명령어는?"}
    assert asked == {
        "볼륨 정리 › 쓰지 않는 볼륨을 지웁니다. 컨테이너가 붙은 볼륨은 남습니다.": "```sh\ndocker volume prune\n```",
        "볼륨 정리 › 볼륨 하나를 이름으로 지웁니다.": "```sh\ndocker volume rm <이름>\n```"}
    assert not [c for c in cards if c.front == "볼륨 정리"]
    # commands under a divider are described by nothing; key = value lines are a file, not commands; a line
    # without the prompt the commands are typed at is what they printed
    assert {"이미지 정리", "데몬 설정", "볼륨 조회"} <= {c.front for c in cards if c.rule == "explain"}


def test_a_heading_with_a_mark_of_emphasis_asks_the_term_without_it() -> None:
    """A review mark the learner put on a heading (`(중요)`, `⭐`, `(필수)` on a step) is no part of what is asked;
    the card keeps its identity."""
    text = ("# 네트워크\n## 서브넷(중요)\n하나의 네트워크를 더 작은 주소 범위로 나눈 부분이다.\n\n"
            "## 라우터 ⭐\n서로 다른 네트워크 사이에서 패킷이 갈 길을 정하는 장비이다.\n\n"
            "## 방화벽 규칙 추가 (필수)\n들어오는 요청 중 허용할 포트만 열어 두고 나머지는 모두 막는다.\n")
    fronts = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    assert {"서브넷", "라우터", "방화벽 규칙 추가"} <= set(fronts)
    assert fronts["서브넷"].anchor == "서브넷(중요)"


def test_a_heading_that_names_a_term_and_its_gloss_asks_the_term() -> None:
    """`term (mark) - gloss` or `term: gloss` whose text says the gloss again is a definition: the front is the
    term, the back the gloss and the text. A label and its subject, and one topic heading several points, stay."""
    text = ("# 저장소\n## 인덱스 (중요) - 검색을 빠르게 하는 구조\n검색을 빠르게 하려고 열의 값을 정렬해 둔 별도의 구조이다.\n\n"
            "## 캐시: 자주 쓰는 데이터의 복사본\n자주 쓰는 데이터의 복사본을 가까운 곳에 두어 읽기를 줄인다.\n\n"
            "## 방법 1 - 덤프 파일로 옮기기\n덤프 파일로 옮기는 방법은 가장 단순하지만 느리다.\n\n"
            "## 백업 원칙 - 세 벌 보관하기\n세 벌 보관하기는 원본 외에 두 개의 사본을 두는 것이다.\n\n"
            "## 백업 원칙 - 다른 장소에 두기\n다른 장소에 두기는 사본 하나를 멀리 보관하는 것이다.\n")
    fronts = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    assert fronts["인덱스"].back.startswith("검색을 빠르게 하는 구조\n\n")
    assert fronts["캐시"].back.startswith("자주 쓰는 데이터의 복사본\n\n")
    assert {"방법 1 - 덤프 파일로 옮기기", "백업 원칙 - 세 벌 보관하기", "백업 원칙 - 다른 장소에 두기"} <= set(fronts)


def test_an_aside_heading_is_asked_by_its_subject() -> None:
    """`참고: …`, `Note - …`, `TIP: …` only say an aside follows: the card asks what follows the prefix."""
    text = ("# 클러스터\n## 참고: 인증서 갱신\n인증서는 일 년마다 만료되므로 만료 전에 갱신 명령으로 새로 발급한다.\n\n"
            "## TIP: Faster restarts\nKeeping the image cached on every node makes a restarted pod start in seconds.\n")
    fronts = {c.front for c in cards_of(text) if c.rule == "explain"}
    assert {"인증서 갱신", "Faster restarts"} <= fronts and not any(f.startswith(("참고", "TIP")) for f in fronts)


def test_a_term_that_is_only_a_word_in_brackets_is_asked_with_its_subject() -> None:
    """A row or item named only by a word in brackets (`(없음)`) asks nothing alone: its heading comes with it."""
    text = ("# 접근 제어\n## 공개 범위\n\n| 키워드 | 설명 |\n|---|---|\n| (없음) | 같은 파일 안에서만 쓸 수 있는 기본 범위 |\n"
            "| `public` | 어디서나 가져다 쓸 수 있는 범위 |\n")
    fronts = {c.front for c in cards_of(text)}
    assert "공개 범위 › (없음)" in fronts and "(없음)" not in fronts


def test_a_command_whose_comment_points_at_the_step_above_is_asked_after_it() -> None:
    """`# 해당 폴더에서 …` names nothing alone: it is asked after the step that names the folder; a step that points
    at what its own command is given (`<이름>`) stands alone, and one with no step above has no card."""
    text = ("# 배포\n## 명령어\n```bash\n# 배포용 폴더 만들기\nmkdir -p /srv/app\n\n# 해당 폴더에 설정 파일 복사\ncp app.conf /srv/app/\n\n"
            "# 해당 서비스를 다시 시작\nsystemctl restart <서비스이름>\n```\n\n"
            "## 정리 명령어\n```bash\n# 해당 폴더 비우기\nrm -rf ./build\n\n# 임시 파일 목록 보기\nls /tmp/build\n```\n")
    asked = {c.front: c.back for c in cards_of(text) if c.prompt == "명령어는?"}
    assert asked.get("배포 › 배포용 폴더 만들기 → 해당 폴더에 설정 파일 복사") == "```sh\ncp app.conf /srv/app/\n```"
    assert "배포 › 해당 서비스를 다시 시작" in asked
    assert not any("해당 폴더 비우기" in front for front in asked)


def test_a_table_of_a_subjects_features_asks_each_feature_by_its_label() -> None:
    """`항목 | 설명` under a heading that names a subject's features is one fact a row: the subject and the label →
    what the row says. A row that only says its label again asks nothing; a plain `항목 | 내용` table of one setup
    (no heading of features) and a comparison stay one explanation."""
    text = ("# Queue Service\n## Queue 특징\n| **항목** | **설명** |\n|---|---|\n| **전달 보장** | 최소 한 번 전달, 순서는 보장하지 않음 |\n"
            "| **보존 기간** | 기본 4일, 최대 14일까지 늘릴 수 있음 |\n| **메시지 크기** | 본문 256KB까지 |\n"
            "| **재시도** | 자동 재시도 지원 |\n\n"
            "## 워커 설정\n| 항목 | 내용 |\n|---|---|\n| 인스턴스 | 두 대로 시작하고 부하에 맞춰 늘림 |\n"
            "| 지역 | 가까운 리전 하나에 둠 |\n")
    cards = cards_of(text)
    asked = {c.front: c.back for c in cards if c.rule == "feature"}
    assert asked == {"Queue › 전달 보장": "최소 한 번 전달, 순서는 보장하지 않음",
                     "Queue › 보존 기간": "기본 4일, 최대 14일까지 늘릴 수 있음", "Queue › 메시지 크기": "본문 256KB까지"}
    explained = {c.front for c in cards if c.rule == "explain"}
    assert "Queue 특징" not in explained and "워커 설정" in explained


def test_features_under_a_bare_features_heading_are_asked_with_the_subject_above() -> None:
    """A heading that is only `특징` (or `Key features`) names no subject: the heading above it does, without
    its `개요`."""
    text = ("# 캐시 서비스\n## 1. Cache 개요\n### 특징\n| 항목 | 설명 |\n|---|---|\n| 만료 | 키마다 만료 시간을 둘 수 있음 |\n"
            "| 복제 | 읽기 전용 복제본을 여러 개 둠 |\n")
    assert {c.front for c in cards_of(text) if c.rule == "feature"} == {"Cache › 만료", "Cache › 복제"}


def test_names_in_code_described_in_a_few_words_are_asked_by_what_they_do() -> None:
    """A table of functions or options whose descriptions only put the name in words (`col("x")` | `컬럼 참조`) asks
    each the other way: what it does → the name, with the table's other columns. Not a word for a one-word name
    (`timeout` | `타임아웃`), values for a description (`x64 또는 x86`), names that are no code, two names under a
    heading that compares them, nor a table where fewer than two rows are asked."""
    text = ("# Query Builder\n## 값 함수\n| 함수 | 설명 | 예시 |\n|---|---|---|\n| `lit(1)` | 숫자 리터럴 | `lit(42)` |\n"
            "| `field(\"a\")` | 필드 참조 | `field(\"id\")` |\n| `timeout` | 타임아웃 | - |\n| `arch` | x64 또는 x86 | - |\n\n"
            "## wait vs poll\n| 옵션 | 설명 |\n|---|---|\n| `--wait` | 끝까지 대기 |\n| `--poll` | 주기적 확인 |\n\n"
            "## 화면 옵션\n| 옵션 | 설명 |\n|---|---|\n| Compact | 좁은 행 |\n| Wide | 넓은 행 |\n")
    cards = cards_of(text)
    asked = {(c.front, c.back, c.prompt) for c in cards if c.rule == "name"}
    assert asked == {("값 함수 › 숫자 리터럴", "`lit(1)`\n\n**예시**: `lit(42)`", "함수는?"),
                     ("값 함수 › 필드 참조", "`field(\"a\")`\n\n**예시**: `field(\"id\")`", "함수는?")}
    explained = {c.front for c in cards if c.rule == "explain"}
    assert {"wait vs poll", "화면 옵션"} <= explained and "값 함수" not in explained


def test_the_functions_of_ones_own_script_are_not_asked_by_what_they_do() -> None:
    """`헬퍼 함수` in a note about one project's shell script (`deploy-env.sh`): its functions are that script's."""
    text = ("# 배포 공통 모듈 (deploy-env.sh)\n## 헬퍼 함수\n| 함수 | 용도 |\n|---|---|\n| `say_step` | 단계 출력 |\n"
            "| `say_done` | 완료 출력 |\n")
    assert not [c for c in cards_of(text) if c.rule == "name"]


# --- manifest blanks the card gives away, or that miss its point ---------------------------------------------

def _hidden(card) -> list[str]:
    return re.findall(r"\{\{c\d+::([^}]*)\}\}", card.front)


def test_a_key_named_by_its_sibling_type_value_stays_shown() -> None:
    """Kubernetes' union fields name the key that follows by a `type:` beside it (`type: External` then
    `external:`, `type: Utilization` then `averageUtilization:`): the key is read off the card, so it is no blank,
    and neither is a `type:` value whose key is shown beside it."""
    hpa = ("# Autoscaler\n## Scale on queue metrics\n```yaml\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n"
           "metadata:\n  name: worker\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n"
           "    name: worker\n  minReplicas: 1\n  maxReplicas: 8\n  metrics:\n  - type: External\n    external:\n"
           "      metric:\n        name: queue_depth\n      target:\n        type: AverageValue\n        averageValue: \"30\"\n"
           "  - type: ContainerResource\n    containerResource:\n      name: cpu\n      container: app\n"
           "      target:\n        type: Utilization\n        averageUtilization: 70\n```\n")
    named = {"external", "containerResource", "averageValue", "averageUtilization"}
    assert not named & {word for c in cards_of(hpa) if c.rule == "manifest" for word in _hidden(c)}
    service = ("# Services\n## Reaching an outside database\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n"
               "  name: db\nspec:\n  type: ExternalName\n  externalName: db.example.com\n```\n")
    assert not [w for c in cards_of(service) if c.rule == "manifest" for w in _hidden(c) if w == "ExternalName"]


def test_the_annotation_a_section_sets_is_asked_and_a_kind_its_prefix_names_is_not() -> None:
    """An annotation key's prefix (`ingressclass.kubernetes.io/…`) names the object's kind, so the kind is no blank;
    an annotation whose name holds a word of the section's heading or of the line above is what the section shows
    how to set: it is asked by its name, instead of fields the note's title merely touches."""
    text = ("# Ingress\n## Making one class the default\nMark the class that every Ingress without a class uses by "
            "default.\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: nginx\n"
            "  annotations:\n    ingressclass.kubernetes.io/is-default-class: \"true\"\nspec:\n"
            "  controller: k8s.io/ingress-nginx\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert "kind: IngressClass" in card.front
    assert "ingressclass.kubernetes.io/{{c1::is-default-class}}: \"true\"" in card.front and _hidden(card) == [
        "is-default-class"]
    rewrite = ("# Ingress\n## URL rewrite\n```yaml\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n"
               "  name: shop\n  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /\nspec:\n  rules:\n"
               "  - http:\n      paths:\n      - path: /shop\n        pathType: Prefix\n        backend:\n"
               "          service:\n            name: shop\n            port:\n              number: 80\n```\n")
    [card] = [c for c in cards_of(rewrite) if c.rule == "manifest"]
    assert "nginx.ingress.kubernetes.io/{{c1::rewrite-target}}: /" in card.front


def test_a_key_its_comment_names_stays_shown() -> None:
    """A comment beside a key or on the line right above it that names the key (`# check over HTTP GET` over
    `httpGet:`, `# StorageClass 지정` beside `storageClassName:`) gives the blank away."""
    text = ("# Probes\n## Readiness\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n"
            "  - name: api\n    image: api:2\n    readinessProbe:\n      # check over HTTP GET\n      httpGet:\n"
            "        path: /ready\n        port: 8080\n      periodSeconds: 5\n"
            "      failureThreshold: 3   # failure threshold before the pod is unready\n"
            "      timeoutSeconds: 2   # StorageClass 지정\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert "httpGet" not in _hidden(card) and "failureThreshold" not in _hidden(card)
    assert {"periodSeconds", "timeoutSeconds"} <= set(_hidden(card))


def test_a_topic_asked_with_its_own_key_holds_no_more_blanks_than_a_card() -> None:
    """A topic asked by its own key and every key of its one item (`webhooks:` and the fields of its webhook) does
    not divide into parts: the card asks the keys nearest the topic, no more than a card holds."""
    text = ("# Admission\n## Webhook example\n```yaml\napiVersion: admissionregistration.k8s.io/v1\n"
            "kind: MutatingWebhookConfiguration\nmetadata:\n  name: inject\nwebhooks:\n- name: inject.example.com\n"
            "  clientConfig:\n    service:\n      namespace: sys\n      name: injector\n  rules:\n"
            "  - operations: [\"CREATE\"]\n    apiGroups: [\"\"]\n    apiVersions: [\"v1\"]\n    resources: [\"pods\"]\n"
            "  failurePolicy: Ignore\n  sideEffects: None\n  admissionReviewVersions: [\"v1\"]\n  timeoutSeconds: 5\n```\n")
    cards = [c for c in cards_of(text) if c.rule == "manifest"]
    assert cards and all(len(_hidden(c)) <= 5 for c in cards)
    assert "webhooks" in _hidden(cards[0]) and "clientConfig" in _hidden(cards[0])


def test_words_after_a_block_of_a_whole_app_go_under_none_of_its_objects() -> None:
    """A block of several objects is asked object by object; the words after it (a titled tip) speak of the whole
    block, not of the one object a card shows: no card's answer carries them, nor do they make a card of their own."""
    docs = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  selector:\n    app: web\n"
            "  ports:\n  - port: 80\n---\napiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: sweep\nspec:\n"
            "  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n"
            "          restartPolicy: OnFailure\n          containers:\n          - name: s\n            image: busybox\n"
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\ndata:\n  a: b\n")
    text = (f"# Shop app\n## Manifest File\n```yaml\n{docs}```\n\n> [!tip] Start small\n"
            "> Run the sweeper by hand for a week before you schedule it.\n")
    cards = cards_of(text)
    assert [c for c in cards if c.rule == "manifest"]
    assert not [c for c in cards if "by hand" in c.back]


def test_a_task_answer_keeps_no_lab_context_switch_nor_the_names_one_lab_generated() -> None:
    """A solution step that only switches to the lab's cluster (`kubectl config use-context`, with its lead-in) is
    exam procedure: left out, unless the solution set that context up itself. A pod's generated name
    (`coredns-6f8b9d4c7-q2x7z`, `node-agent-7xk2p`) and an address grepped from one lab's addresses (`ip addr | grep
    10.4`, not a version) are shown as what they stand for; the task's own text is left as the note writes it."""
    text = ("# 네트워크 실습\n## 310. Practice Test - Cluster DNS\n\n"
            "1. 클러스터 DNS 파드의 로그에서 오류를 찾으시오.\n\n```sh\n$ kubectl logs coredns-6f8b9d4c7-q2x7z -n kube-system\n```\n\n"
            "2. 노드 에이전트가 사용하는 주소 대역을 찾으시오.\n\n```sh\n# 노드 주소 확인\n$ kubectl get nodes -o wide\n"
            "$ kubectl logs node-agent-7xk2p -n kube-system\n$ ip addr | grep 10.4\n$ kubeadm version | grep 1.27\n```\n\n"
            "# 시험 정리\n## 1. 권한\n### 문제\n```\nCluster: kubectl config use-context lab2\nCreate a role named viewer.\n```\n"
            "### 답안\n컨텍스트를 바꿉니다.\n\n```sh\nkubectl config use-context lab2\n```\n\n역할을 만듭니다.\n\n"
            "```sh\nkubectl create role viewer --verb=get --resource=pods\n```\n\n"
            "사용자 컨텍스트를 만들고 확인합니다.\n\n```sh\nkubectl config set-context viewer --user=viewer\n"
            "kubectl config use-context viewer\n```\n")
    tasks = {c.front: c.back for c in cards_of(text) if c.rule == "exercise"}
    assert tasks["클러스터 DNS 파드의 로그에서 오류를 찾으시오."] == \
        "```sh\n$ kubectl logs <coredns 파드> -n kube-system\n```"
    assert "kubectl logs <node-agent 파드> -n kube-system\n$ ip addr | grep <IP 대역>\n$ kubeadm version | grep 1.27" in \
        tasks["노드 에이전트가 사용하는 주소 대역을 찾으시오."]
    role = next(back for front, back in tasks.items() if "use-context lab2" in front)
    assert "lab2" not in role and "컨텍스트를 바꿉니다" not in role and role.startswith("역할을 만듭니다.")
    assert "kubectl config use-context viewer" in role


def test_a_topic_that_only_says_some_points_matter_gives_no_explanation() -> None:
    """`**가용성**` over one line that says a few things must be considered, its points in the topics after it, asks
    nothing the card could answer; a topic with its own points after such a line keeps its card."""
    text = ("# 결제 시스템 설계\n## 상세 설계\n\n**가용성**\n* 여러 지역에서 운영할 결제 시스템은 가용성을 위한 사항 몇 가지를 "
            "반드시 고려해야 한다.\n\n**중복 결제 방지**\n* 같은 요청이 두 번 와도 한 번만 결제되도록 요청 ID를 저장한다.\n\n"
            "**장애 대응**\n* There are several things to consider.\n* 결제 대행사가 실패하면 재시도 큐에 넣는다.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert "가용성" not in fronts
    assert "중복 결제 방지" in fronts and "장애 대응" in fronts


def test_an_answer_that_only_says_its_front_again_is_no_card() -> None:
    """A setting, a command or a type described by its own name, in another form (`Auto-save drafts` -> `Save
    drafts automatically.`, `Confirm tab closing` -> `Ask before closing a tab.`, `` `DropIndex` `` -> `DROP INDEX
    연산`) is no card; an answer that adds a value, a unit, a case, a reason or a word of its own stays, and so does
    a card written on purpose."""
    text = ("# Reader app\n## Settings\n### Auto-save drafts\nSave drafts automatically.\n\n"
            "### Confirm tab closing\nAsk before closing a tab.\n\n### Line width\nLine width in characters, 80 by default.\n\n"
            "### Wrap long lines\nWrap long lines only when the window is narrow.\n\n"
            "### Spell check\nCheck spelling against the dictionary of the note's language.\n\n"
            "## 스토어 트레이트\n| 트레이트 | 설명 |\n|---|---|\n| `DropIndex` | DROP INDEX 연산 |\n"
            "| `Snapshot` | 특정 시점의 읽기 전용 사본 |\n\n"
            "## Quiz\nAuto-save drafts::Save drafts automatically.\n")
    cards = cards_of(text)
    fronts = {c.front for c in cards if c.rule != "explicit"}
    assert not {"Auto-save drafts", "Confirm tab closing", "`DropIndex`"} & fronts
    assert {"Line width", "Wrap long lines", "Spell check", "`Snapshot`"} <= fronts
    assert [c.back for c in cards if c.rule == "explicit"] == ["Save drafts automatically."]


def test_a_scripts_step_that_is_only_a_comment_goes_with_the_steps_before_it() -> None:
    """`# 10. Point the DNS record at the address` with no command under it does nothing to recall alone: the part
    that holds the step before it holds it too, and no part is only that comment."""
    steps = "".join(f"# {number}. Create the queue {number}\naws sqs create-queue \\\n"
                    f"    --queue-name jobs-{number} \\\n    --region eu-west-1\n\n" for number in range(1, 10))
    steps += "# 10. Point the DNS record at the queue endpoint\n# jobs.example.com -> the endpoint's address\n"
    text = f"# Queues\n## Set up the job queues\nThe queues every worker reads.\n\n```bash\n{steps}```\n"
    parts = [c for c in cards_of(text) if c.rule == "explain"]
    assert len(parts) >= 2 and all(c.front.endswith("of 10") for c in parts)
    last = [c for c in parts if "# 10. Point the DNS record" in c.back]
    assert len(last) == 1 and "jobs-9 " in last[0].back and "steps " in last[0].front and "–10 of 10" in last[0].front


def test_two_words_that_open_a_sentence_are_no_term_before_a_dash() -> None:
    """`- 깃은 분산 - 버전 관리 도구로 동작` reads on across the dash of `분산 - 버전`: `깃은 분산` is the start of a
    sentence, not a term; `작은 파일 - …` (an adjective, not a topic) stays a term."""
    text = ("# 도구\n## 버전 관리\n- 깃은 분산 - 버전 관리 도구로 동작 (로컬 저장소, 원격 저장소)\n"
            "- 작은 파일 - 블록 하나보다 작아서 따로 묶어 저장하는 파일\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "definition"]
    assert "깃은 분산" not in fronts and "작은 파일" in fronts


def test_the_one_point_that_opens_a_section_and_describes_it_opens_the_sections_explanation() -> None:
    """`### 롤링 배포` over one bullet that describes it (`서버의 인스턴스를 순서대로 바꾸며 배포하는 전략`) and its
    sub-point, then its pros and cons: the bullet says what the heading is, so it is no term of its own (whose
    front would be the answer) but the start of the section's explanation."""
    text = ("### 롤링 배포\n* 서버의 인스턴스를 순서대로 바꾸며 배포하는 전략\n  * 일부를 먼저 바꾸고 확인한 뒤 나머지를 바꾼다\n\n"
            "**장점** \n* 문제가 생겨도 영향 범위가 작다\n* 실제 사용자로 검증한다\n\n**단점**\n* 두 버전을 함께 운영한다\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule == "term"]
    explained = [c.back for c in cards if c.rule == "explain" and c.front == "롤링 배포"]
    assert len(explained) == 1 and explained[0].startswith("* 서버의 인스턴스를 순서대로 바꾸며 배포하는 전략")


def test_a_heading_made_only_of_kinds_of_content_is_asked_with_its_topic() -> None:
    """`주요 개념 및 특징`, `Important Notes`: words that each name a kind of section (or say which one) name no
    subject, so the front says whose they are; `Main Ideas About Caching` in a note on caching is asked as the
    kind of section of that topic, and a heading that names a subject of its own stays as it is."""
    text = ("# 메시지 큐\n## 주요 개념 및 특징\n큐는 생산자와 소비자를 떼어 놓고, 소비자가 느려도 메시지를 잃지 않는다.\n\n"
            "## 배달 보장\n한 번 이상 배달되므로 소비자는 같은 메시지를 두 번 받아도 괜찮아야 한다.\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "explain"]
    assert "메시지 큐 › 주요 개념 및 특징" in fronts and "배달 보장" in fronts
    text = ("Caching keeps copies of answers close to whoever asks.\n\n## Main Ideas About Caching\n"
            "- A copy can go stale, so every entry has a lifetime.\n- Misses still reach the origin.\n\n"
            "## Important Notes\nWarm the cache before a release, or the origin takes every request at once.\n")
    fronts = [c.front for c in cards_of(text, "Caching.md") if c.rule == "explain"]
    assert "Caching › Main Ideas" in fronts and "Caching › Important Notes" in fronts


def test_a_comparison_heading_is_asked_with_what_its_table_compares() -> None:
    """`차이 요약` or `차이점` over a table whose columns are the things compared says nothing alone: it is asked
    with them (`차이 요약 (TCP vs UDP)`), instead of the note's file name."""
    text = ("## 전송 계층\n전송 계층의 두 프로토콜을 정리한다.\n\n## 차이 요약\n\n| 구분 | TCP | UDP |\n|---|---|---|\n"
            "| 연결 | 연결을 맺는다 | 연결 없이 보낸다 |\n")
    fronts = [c.front for c in cards_of(text, "tl.md") if c.rule == "explain"]
    assert "차이 요약 (TCP vs UDP)" in fronts


def test_a_note_named_by_its_file_slug_is_named_by_the_heading_it_opens_with() -> None:
    """A note whose title is only its file's name (`pagereplacement`, `07-queue`) that opens with a heading
    (`#### 페이지 교체`): a heading that points back (`둘의 차이점?`) or names a kind of section (`장점`) is asked
    with that heading, not with the file name; a note with a real title keeps it."""
    text = ("#### 페이지 교체\n* 메모리가 가득 차면 어떤 페이지를 내보낼지 고른다\n\n#### FIFO\n* 가장 먼저 들어온 페이지를 내보낸다\n\n"
            "#### LRU\n* 가장 오래 쓰지 않은 페이지를 내보낸다\n\n#### 둘의 차이점?\n\n* LRU는 최근 사용 기록을 따로 관리해야 한다\n\n"
            "#### 장점\n* 자주 쓰는 페이지가 메모리에 남는다\n")
    for path in ("pagereplacement.md", "07-queue.md"):
        fronts = [c.front for c in cards_of(text, path) if c.rule == "explain"]
        assert "페이지 교체 › 둘의 차이점?" in fronts and "페이지 교체 › 장점" in fronts
    fronts = [c.front for c in cards_of(text, "Paging.md") if c.rule == "explain"]
    assert "Paging › 둘의 차이점?" in fronts


def test_a_section_of_several_how_tos_gives_a_card_per_task() -> None:
    """A section that holds several tasks, each announced by its own lead-in (`To archive a board:`, `보드를
    복원하려면:`) over its steps, asks each task by itself (`Kanban › How do you archive a board?`) with its steps
    and the remark right after them that does it another way; the section's explanation keeps its opening words and
    the remarks between the tasks, and a task that is only clicks in the app's screens gives no card."""
    text = ("---\ntitle: x\n---\n## Boards\n\nA board groups the cards of one project into columns.\n\n"
            "To archive a board:\n\n- Run `kanban archive <board>` in the board's folder.\n\n"
            "You can also archive a board by moving its file into `.archive/`.\n\n"
            "To export a board as CSV, pass the `--csv` flag:\n\n```sh\nkanban export --csv <board>\n```\n\n"
            "To rename a board:\n\n1. Open **Settings**.\n2. Select **Boards**, then select **Rename**.\n\n"
            "Archived boards keep their history.\n")
    cards = cards_of(text, path="Kanban.md")
    howtos = {c.front: c.back for c in cards if c.rule == "howto"}
    assert set(howtos) == {"Kanban › How do you archive a board?", "Kanban › How do you export a board as CSV?"}
    assert "moving its file into `.archive/`" in howtos["Kanban › How do you archive a board?"]
    assert howtos["Kanban › How do you export a board as CSV?"].startswith("Pass the `--csv` flag:")
    explained = [c.back for c in cards if c.rule == "explain"]
    assert len(explained) == 1 and "into columns" in explained[0] and "keep their history" in explained[0]
    assert "To archive" not in explained[0] and "Rename" not in explained[0]
    korean = ("## 보드 관리\n\n보드를 보관하려면:\n\n- 보드 폴더에서 `kanban archive <보드>`를 실행한다.\n\n"
              "보드를 복원하려면:\n\n- `kanban restore <보드>`를 실행한다.\n")
    fronts = [c.front for c in cards_of(korean, path="칸반.md") if c.rule != "explain"]
    assert fronts == ["칸반 › 보드를 보관하려면 어떻게 하나요?", "칸반 › 보드를 복원하려면 어떻게 하나요?"]


def test_one_how_to_in_a_section_stays_the_sections_explanation() -> None:
    """A section with a single task under its lead-in (`To archive a board:`) is that how-to already: its heading
    asks it, as before."""
    text = "## Archive a board\n\nTo archive a board:\n\n- Run `kanban archive <board>` in the board's folder.\n"
    cards = cards_of(text, path="Kanban.md")
    assert not [c for c in cards if c.rule == "howto"]
    assert [c.front for c in cards if c.rule == "explain"] == ["Archive a board"]


def test_a_heading_that_names_two_parts_asks_each_part_when_they_do_not_fit_as_one() -> None:
    """`## 캐시 서버에서 만료 문제 및 대응 방법` over `**문제 상황**` and its points, then its way out in bold, too long
    together for one answer: the first answer would show only the problem under a front that asks for both, so each
    part is asked with the subject the heading names (`캐시 서버 만료 › 문제 상황`, `캐시 서버 만료 › 대응 방안`)."""
    problem = "".join(f"* 만료 시각이 같은 키 {n}개가 한꺼번에 사라지면 요청이 모두 원본 DB로 몰린다\n" for n in range(1, 9))
    answer = "".join(f"{n}. 대응 {n}\n   * 만료 시각에 무작위 지연을 더해 키마다 다른 시각에 사라지게 한다\n"
                     "   * 먼저 만료된 키를 한 요청만 다시 채우도록 락을 건다\n" for n in range(1, 9))
    text = f"## 캐시 서버에서 만료 문제 및 대응 방법\n**문제 상황**\n{problem}\n**대응 방안 정리**\n{answer}"
    explained = {c.front: c.back for c in cards_of(text) if c.rule == "explain"}
    assert "캐시 서버에서 만료 문제 및 대응 방법" not in explained
    assert explained["캐시 서버 만료 › 문제 상황"].startswith("* 만료 시각이 같은 키 1개가")
    assert "**문제 상황**" not in explained["캐시 서버 만료 › 문제 상황"]
    assert "캐시 서버 만료 › 대응 방안 정리" in explained


def test_pros_and_cons_too_long_for_one_answer_are_asked_one_part_each() -> None:
    """`## 메시지 큐의 장점과 단점` whose `**장점**` and `**단점**` do not fit in twice an answer's room: one answer would
    be cut before the cons; each part gets its card with the subject (`메시지 큐 › 단점`), and a heading that names
    no parts keeps its one cut answer."""
    pros = "".join(f"* 장점 {n}: 생산자와 소비자가 서로의 속도를 기다리지 않고 각자 처리할 수 있다\n" for n in range(1, 15))
    cons = "".join(f"* 단점 {n}: 메시지가 쌓이면 지연이 늘고 순서와 중복을 따로 다뤄야 한다\n" for n in range(1, 15))
    cards = cards_of(f"## 메시지 큐의 장점과 단점\n**장점**\n{pros}\n**단점**\n{cons}")
    explained = {c.front: c.back for c in cards if c.rule == "explain"}
    assert "메시지 큐의 장점과 단점" not in explained
    assert "장점 14:" in explained["메시지 큐 › 장점"] and "단점 1:" in explained["메시지 큐 › 단점"]
    alone = {c.front: c.back for c in cards_of(f"## 메시지 큐 운영\n**장점**\n{pros}\n**단점**\n{cons}")
             if c.rule == "explain"}
    assert list(alone) == ["메시지 큐 운영"]


def test_a_faq_answer_in_prose_a_little_over_the_room_is_shown_whole_up_to_the_next_question() -> None:
    """A FAQ answer of two paragraphs a little over the room is shown whole (its last sentence often completes it:
    `However, a waiver …`), and the next question in bold ends it even when it is long."""
    first = "We review every request by hand before we agree to it, which takes our small team a long while. " * 4
    long_question = ("Do you hold any certificate of the kinds that large companies ask their suppliers for, such as "
                     "the common standards for information security and quality management?")
    text = (f"# Teams\n## Questions\n**Will you fill in our review form?**\n{first.strip()}\n\n"
            "However, we waive the fee when the form is short. Write to us to ask.\n\n"
            f"**{long_question}**\nNot yet.\n")
    answers = {c.front: c.back for c in cards_of(text) if c.rule == "question"}
    back = answers["Will you fill in our review form?"]
    assert back.endswith("Write to us to ask.") and "continued" not in back and "certificate" not in back
    assert answers[long_question] == "Not yet."


def test_a_topic_in_bold_with_a_ratio_in_its_name_ends_the_topic_above_it() -> None:
    """`**1:1 상담 채팅 흐름**`: a colon between digits is a ratio, not a label's colon, so the line is a topic in
    bold like any other: the explanation above stops there and the topic gets its own card."""
    text = ("# 채팅\n### 상세 설계\n\n**서버 선택**\n* 클라이언트에게 맞는 채팅 서버를 고른다.\n* 기준은 위치와 용량이다.\n\n"
            "1. 사용자가 로그인한다.\n2. 서버를 찾는다.\n\n**1:1 상담 채팅 흐름**\n\n1. 메시지를 보낸다.\n2. 각 수신함에 복사된다.\n")
    explained = {c.front: c.back for c in cards_of(text) if c.rule == "explain"}
    assert "수신함" not in explained["서버 선택"] and "각 수신함에 복사된다" in explained["1:1 상담 채팅 흐름"]


def test_a_label_of_only_an_action_or_a_property_is_asked_with_its_topic() -> None:
    """`## 🚀 즉시 적용` or a table's `상세 정보`: applied to what, details of what? The label is asked with the heading
    above it (`Redis 설정 › 즉시 적용`); the emoji a heading opens with is decoration, not part of the front; a label
    that names its object (`설정 파일 수정`) and the card's identity stay as they were."""
    text = ("# Redis 설정\n## 설정 파일 수정\n`maxmemory` 값을 바꾼다.\n\n## 🚀 즉시 적용\n```bash\nredis-cli config rewrite\n```\n")
    cards = {c.front: c for c in cards_of(text) if c.rule == "explain"}
    assert set(cards) == {"설정 파일 수정", "Redis 설정 › 즉시 적용"}
    assert cards["Redis 설정 › 즉시 적용"].anchor == "🚀 즉시 적용"
    table = ("# Git 원격 관리\n\n| 명령어 | 설명 |\n|---|---|\n| `git remote add <이름> <URL>` | 원격 저장소 등록 |\n"
             "| `git remote show <이름>` | 상세 정보 |\n")
    fronts = {c.back: c.front for c in cards_of(table) if c.rule == "reference"}
    assert fronts["`git remote show <이름>`"] == "Git 원격 관리 › 상세 정보"
    assert fronts["`git remote add <이름> <URL>`"] == "원격 저장소 등록"


def test_a_term_that_points_at_what_comes_before_it_is_asked_with_its_section() -> None:
    """`* 나머지 워커 처리` after `* 첫 작업만 실행하도록 제어`: the rest of which workers is said by the section's
    heading (`중복 실행 막기 › 나머지 워커 처리`)."""
    text = ("# 작업 큐\n### 중복 실행 막기\n**락 사용**\n* 첫 작업만 실행하도록 제어\n  * 락을 얻은 워커만 작업을 가져간다\n"
            "  * 작업이 끝나면 락을 푼다\n\n* 나머지 워커 처리\n  * 락을 얻지 못한 워커는 잠시 뒤 다시 시도한다\n"
            "  * 끝난 작업은 다시 가져가지 않는다\n")
    terms = {c.front for c in cards_of(text) if c.rule == "term"}
    assert terms == {"첫 작업만 실행하도록 제어", "중복 실행 막기 › 나머지 워커 처리"}


def test_a_faq_question_that_points_back_is_asked_with_what_it_points_at() -> None:
    """`**How do I undo these edits?**` under a FAQ: these edits are those of the topic the section above walked
    through (`메뉴 정리`), or the note's subject when it names them (`these discounts` in a note on a discount); a
    question that says its own subject stays as it is."""
    text = ("# 사이트 꾸미기\n## 메뉴 정리\n### 순서 바꾸기\nDrag the items into the order you want.\n\n"
            "### 숨기기\nClear the box next to an item.\n\n## FAQ\n\n**How do I undo these edits?**\n"
            "Select the Reset icon next to the menu order.\n\n**Can I export my theme?**\nNo, a theme stays with its site.\n")
    asked = {c.front for c in cards_of(text) if c.rule == "question"}
    assert asked == {"메뉴 정리 › How do I undo these edits?", "Can I export my theme?"}
    named = ("# Student discount\n## How to ask\nWrite to us from a school address.\n\n## FAQ\n\n"
             "**Do these discounts add up with a coupon?**\nNo, only one applies.\n")
    assert {c.front for c in cards_of(named) if c.rule == "question"} == {
        "Student discount › Do these discounts add up with a coupon?"}


# --- a manifest cloze worth its reading ----------------------------------------------------------------------------

def test_a_kind_that_the_manifest_s_own_shape_names_is_no_blank() -> None:
    """`containers` right under `spec` is only a Pod's, `subjects` beside `roleRef` only a binding's, `strategy` beside
    a pod `template` only a Deployment's: the learner reads the kind off the keys, so it stays shown and the card asks
    the rest. A shape several kinds share (`replicas`, `selector` and `template`) tells no kind: it is still asked."""
    pod = ("# Storage\n## Scratch space\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: cruncher\nspec:\n"
           "  containers:\n  - name: c\n    image: alpine\n    volumeMounts:\n    - name: tmp\n      mountPath: /scratch\n"
           "  volumes:\n  - name: tmp\n    emptyDir: {}\n```\n")
    [card] = [c for c in cards_of(pod) if c.rule == "manifest"]
    assert "kind: Pod\n" in card.front and "{{c1::" in card.front and "::Pod}}" not in card.front
    binding = ("# Access\n## Manifest File\n```yaml\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\n"
               "metadata:\n  name: ci-reads\n  namespace: build\nsubjects:\n- kind: ServiceAccount\n  name: ci\n"
               "roleRef:\n  kind: Role\n  name: reader\n  apiGroup: rbac.authorization.k8s.io\n```\n")
    [card] = [c for c in cards_of(binding) if c.rule == "manifest"]
    assert "kind: RoleBinding\n" in card.front and "{{c1::subjects}}:" in card.front
    deployment = ("# Apps\n## Web tier\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n"
                  "  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n"
                  "        app: web\n    spec:\n      restartPolicy: Always\n      containers:\n      - name: w\n"
                  "        image: httpd\n```\n")
    [card] = [c for c in cards_of(deployment) if c.rule == "manifest"]
    assert "kind: {{c1::Deployment}}" in card.front
    rolling = deployment.replace("  template:", "  strategy:\n    type: Recreate\n  template:")
    [card] = [c for c in cards_of(rolling) if c.rule == "manifest"]
    assert "kind: Deployment\n" in card.front and "restartPolicy: {{c" in card.front


def test_a_long_manifest_with_one_blank_makes_no_card_nor_does_its_explanation() -> None:
    """A routing manifest of some twenty-five lines whose only blank is `rules`: the learner reads it all for one
    word its shape gives away, so there is no card; the sentence under the generic heading that speaks of it makes
    none either (it would explain what no card shows). The same manifest with one route is short enough."""
    def routing(routes: tuple[str, ...]) -> str:
        paths = "".join(f"      - path: /{name}\n        pathType: Prefix\n        backend:\n          service:\n"
                        f"            name: {name}-svc\n            port:\n              number: 80\n" for name in routes)
        return ("# Routing\n## Ingress\n### Example\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: Ingress\n"
                "metadata:\n  name: edge\nspec:\n  rules:\n  - host: example.org\n    http:\n      paths:\n"
                f"{paths}```\n\nEvery site answers on one address.\n")
    assert cards_of(routing(("shop", "blog", "docs"))) == []
    [card] = cards_of(routing(("shop",)))
    assert card.rule == "manifest" and "{{c1::rules}}:" in card.front and "one address" in card.back


def test_a_key_whose_path_a_comment_spells_stays_shown() -> None:
    """A comment anywhere in the manifest that spells a key's path (`# .spec.template.metadata.labels 와 일치해야
    한다` under the selector) gives that key away: it stays shown, and the other keys are asked."""
    text = ("# 오브젝트\n## StatefulSet\n```yaml\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n"
            "  selector:\n    matchLabels:\n      app: db # .spec.template.metadata.labels 와 일치해야 한다\n"
            "  serviceName: \"db\"\n  replicas: 3 # 기본값은 1\n  minReadySeconds: 10\n  template:\n    metadata:\n"
            "      labels:\n        app: db # .spec.selector.matchLabels 와 일치해야 한다\n    spec:\n      containers:\n"
            "      - name: db\n        image: postgres:16\n  volumeClaimTemplates:\n  - metadata:\n      name: data\n"
            "    spec:\n      accessModes: [ \"ReadWriteOnce\" ]\n      resources:\n        requests:\n"
            "          storage: 1Gi\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    hidden = set(_hidden(card))
    assert not hidden & {"selector", "template"}
    assert {"serviceName", "replicas", "volumeClaimTemplates"} <= hidden
    # a path in a comment that is part of an address is none
    web = text.replace("# .spec.template.metadata.labels 와 일치해야 한다", "# see docs.spec.template.io/x")
    [card] = [c for c in cards_of(web) if c.rule == "manifest"]
    assert "template" in _hidden(card)


def test_a_comparison_table_is_asked_aspect_by_aspect() -> None:
    """A table whose columns after an aspect's are the things compared (`| 항목 | AWS | GCP |`, `| | fetch | pull |`)
    gives a card per aspect: the things compared and the aspect → what each is in it, labelled. A row the things do
    not differ in asks nothing; a change's record (`변경 전 | 변경 후`) is no comparison."""
    text = ("# 클라우드\n## AWS vs GCP\n\n| **항목** | **AWS** | **GCP** |\n|---|---|---|\n"
            "| NAT | NAT Gateway 생성 | Cloud NAT (관리형) |\n| 서브넷 | AZ 종속 | 리전 종속 |\n"
            "| 과금 | 사용량 기준 | 사용량 기준 |\n")
    cards = cards_of(text)
    rows = [c for c in cards if c.rule == "comparison"]
    assert [(c.front, c.back) for c in rows] == [
        ("AWS vs GCP › NAT", "**AWS**: NAT Gateway 생성\n\n**GCP**: Cloud NAT (관리형)"),
        ("AWS vs GCP › 서브넷", "**AWS**: AZ 종속\n\n**GCP**: 리전 종속")]
    assert not [c for c in cards if "| NAT |" in c.back]  # (the table is no longer one card's answer)
    unnamed = "# Git\n## 비교\n\n| | fetch | pull |\n|---|---|---|\n| 병합 | 안 함 | 함 |\n| 원격 반영 | O | O |\n" \
              "| 작업 트리 | 그대로 | 바뀜 |\n"
    assert [c.front for c in cards_of(unnamed) if c.rule == "comparison"] == ["fetch vs pull › 병합",
                                                                             "fetch vs pull › 작업 트리"]
    change = text.replace("**AWS**", "변경 전").replace("**GCP**", "변경 후")
    assert not [c for c in cards_of(change) if c.rule == "comparison"]
    described = text.replace("**GCP**", "설명")  # (an aspect and what it is: no two things compared)
    assert not [c for c in cards_of(described) if c.rule == "comparison"]


def test_a_remark_on_another_topic_after_the_words_is_asked_by_itself() -> None:
    """A titled callout that closes a section after its words, not only after its code (`> [!warning]
    Interoperability` under `Link to a block`), on a topic neither the headings nor the words speak of, is asked by
    its title with the note's topic (a section heading that names no topic, `General`, gives way to the note's). An
    example after the words illustrates them, a title that is advice (`Use a plugin`), a platform (`macOS only`) or
    a plan (`향후 확장`) names no topic: those stay in the answer."""
    text = ("# Internal links\n## General\n### Link to a block\nLink to a block by adding `^` and its id after the "
            "note's name.\n\n> [!warning] Interoperability\n> Block references are specific to Obsidian; links to "
            "them do not work in other editors.\n")
    cards = cards_of(text)
    [block] = [c for c in cards if c.front.endswith("Link to a block")]
    assert "Interoperability" not in block.back and "adding `^`" in block.back
    [aside] = [c for c in cards if c.front == "Internal links › Interoperability"]
    assert aside.back.startswith("Block references are specific to Obsidian")
    for title in ("[!example] Two blocks", "[!tip] Use a plugin", "[!info]+ macOS only", "[!info] 향후 확장"):
        kept = cards_of(text.replace("[!warning] Interoperability", title))
        assert title.split(" ", 1)[1] in next(c.back for c in kept if c.front.endswith("Link to a block")), title


def test_a_table_of_kinds_is_asked_kind_by_kind() -> None:
    """A table whose first column names kinds of a thing (`디스크 유형`, `레코드 유형`, `Service Type`) and whose other
    columns say what each is like gives a card per kind: the kind with the section's topic → its columns, labelled.
    A table of one setup's parts (`구성 요소 | 이름 | 포트`) or of a change (`변경 전 | 변경 후`) stays as it is."""
    text = ("# GCP 디스크\n## 디스크 유형\n\n| 디스크 유형 | IOPS | 용도 | 비용 |\n|---|---|---|---|\n"
            "| `pd-standard` | 낮음 | 백업 | 저렴 |\n| `pd-ssd` | 높음 | 데이터베이스 | 비쌈 |\n")
    kinds = [c for c in cards_of(text) if c.rule == "entity"]
    assert [(c.front, c.back) for c in kinds] == [
        ("디스크 유형 › `pd-standard`", "**IOPS**: 낮음\n\n**용도**: 백업\n\n**비용**: 저렴"),
        ("디스크 유형 › `pd-ssd`", "**IOPS**: 높음\n\n**용도**: 데이터베이스\n\n**비용**: 비쌈")]
    assert not [c for c in cards_of(text) if "| `pd-ssd` |" in c.back]
    parts = text.replace("| 디스크 유형 | IOPS | 용도 | 비용 |", "| 구성 요소 | IOPS | 용도 | 비용 |")
    assert not [c for c in cards_of(parts) if c.rule == "entity"]
    change = text.replace("| 디스크 유형 | IOPS | 용도 | 비용 |", "| 디스크 유형 | 변경 전 | 변경 후 | 비용 |")
    assert not [c for c in cards_of(change) if c.rule == "entity"]


def test_a_table_of_variables_or_roles_in_code_is_asked_row_by_row() -> None:
    """`변수 | 설명` over `GITHUB_REPOSITORY` | `저장소 이름`, `역할 | 설명` over `roles/storage.admin`: a reference of names like a
    table of options, a short description asked the other way (`변수는?`); roles or variables not written in code
    (`Master` | `데이터 쓰기 …`) are one setup's parts and stay in the explanation."""
    text = ("# GitHub Actions\n## 기본 제공 변수\n\n| 변수 | 설명 |\n|---|---|\n| `GITHUB_REPOSITORY` | 저장소 이름 |\n"
            "| `GITHUB_WORKFLOW` | 워크플로우 이름 |\n| `GITHUB_RUN_NUMBER` | 실행 번호 |\n\n## 주요 역할\n\n| 역할 | 설명 |\n|---|---|\n"
            "| `roles/storage.admin` | 버킷 및 객체 전체 관리 |\n| `roles/storage.objectViewer` | 객체 조회만 가능한 역할 |\n")
    cards = {(c.front, c.prompt): c.back for c in cards_of(text)}
    assert cards[("기본 제공 변수 › 저장소 이름", "변수는?")] == "`GITHUB_REPOSITORY`"
    assert cards[("`roles/storage.admin`", "무엇인가요?")] == "버킷 및 객체 전체 관리"
    setup = ("# 복제\n## 구성\n\n| 역할 | 설명 |\n|---|---|\n| Master | 데이터 쓰기와 바이너리 로그 생성 |\n"
             "| Slave | 데이터 읽기와 자동 동기화 |\n")
    assert not [c for c in cards_of(setup) if c.rule == "reference"]


def test_a_fence_of_commands_each_with_what_it_does_is_asked_command_by_command() -> None:
    """`docker stats (컨테이너명/ID) - 컨테이너의 리소스 사용량 조회` ⏎ `docker events - …` in a bare fence after a section's
    own points is a reference of its own: a card per command (the program and what it does → the command), and
    the section's explanation keeps its points without the list."""
    text = ("# Docker\n## JVM 튜닝\n* 힙 메모리를 따로 관리해야 한다\n* Java 10부터 컨테이너 메모리에 맞춰 자동 조절한다\n\n"
            "```\ndocker stats (컨테이너명/ID) - 컨테이너의 리소스 사용량 조회\n\n"
            "docker events - 호스트에서 발생하는 이벤트 로그 조회\n```\n")
    cards = cards_of(text)
    assert [(c.front, c.back, c.prompt) for c in cards if c.rule == "command"] == [
        ("docker › 컨테이너의 리소스 사용량 조회", "```sh\ndocker stats (컨테이너명/ID)\n```", "명령어는?"),
        ("docker › 호스트에서 발생하는 이벤트 로그 조회", "```sh\ndocker events\n```", "명령어는?")]
    [explained] = [c for c in cards if c.rule == "explain"]
    assert "힙 메모리" in explained.back and "docker" not in explained.back
    script = text.replace("docker events - 호스트에서 발생하는 이벤트 로그 조회", "echo done")  # (not a list of such pairs)
    assert not [c for c in cards_of(script) if c.rule == "command"]


def test_a_heading_that_abbreviates_a_key_asks_that_key() -> None:
    """`PVC 설정` over a Pod that mounts a claim is about `persistentVolumeClaim` (its initials), not the `containers`
    and `volumes` every such Pod has."""
    text = ("# Pod\n## PVC 설정\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: mypod\nspec:\n  containers:\n"
            "    - name: web\n      image: nginx\n      volumeMounts:\n      - mountPath: /var/www/html\n        name: data\n"
            "  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: myclaim\n```\n")
    [card] = [c for c in cards_of(text) if c.rule == "manifest"]
    assert set(_hidden(card)) == {"persistentVolumeClaim", "claimName"}


def test_an_option_is_asked_with_the_command_it_belongs_to() -> None:
    """The same `--path` in the tables of options of `ob sync` and `ob publish` is two options: each card names its
    command (`ob sync › --path`). Under a heading that only says `주요 옵션`, the subject above it names them."""
    text = ("# Headless\n## ob sync\n\n| Option | Description |\n|---|---|\n| `--path` | Local vault path, by default "
            "the current folder |\n| `--continuous` | Keep running and sync changes as they happen |\n\n## ob publish\n\n"
            "| Option | Description |\n|---|---|\n| `--path` | Local vault path, by default the current folder |\n"
            "| `--dry-run` | Show the changes without publishing them |\n")
    fronts = [c.front for c in cards_of(text) if c.rule == "reference"]
    assert fronts == ["ob sync › `--path`", "ob sync › `--continuous`", "ob publish › `--path`",
                      "ob publish › `--dry-run`"]
    vague = ("# AWS Auto Scaling Group\n## 주요 옵션\n\n| 옵션 | 설명 |\n|---|---|\n| `--min-size` | 최소 인스턴스 수 |\n"
             "| `--max-size` | 최대 인스턴스 수 |\n")
    assert [c.front for c in cards_of(vague) if c.rule == "name"] == [
        "AWS Auto Scaling Group › 최소 인스턴스 수", "AWS Auto Scaling Group › 최대 인스턴스 수"]


def test_a_variable_is_asked_by_its_description_even_when_that_spells_its_name() -> None:
    """`CI_COMMIT_SHA` | `커밋 SHA`: the description spells the name in other words, and which variable holds the
    commit's SHA is the question; one workflow's variables beside what it sets them to (`변수 | 설명 | 예시`) are that
    workflow's settings, and an HTTP header is asked with what it is a header of."""
    text = ("# GitLab\n## 사전 정의 변수\n\n| 변수 | 설명 |\n|---|---|\n| `CI_COMMIT_SHA` | 커밋 SHA |\n"
            "| `CI_PIPELINE_ID` | 파이프라인 ID |\n")
    assert [(c.front, c.back) for c in cards_of(text) if c.rule == "name"] == [
        ("사전 정의 변수 › 커밋 SHA", "`CI_COMMIT_SHA`"), ("사전 정의 변수 › 파이프라인 ID", "`CI_PIPELINE_ID`")]
    workflow = ("# 배포\n## GitHub 환경 변수\n\n| 변수 | 설명 | 예시 |\n|---|---|---|\n"
                "| `S3_BUCKET_NAME` | S3 버킷 이름 | `my-bucket` |\n| `AWS_REGION` | AWS 리전 코드 | `ap-northeast-2` |\n")
    assert not [c for c in cards_of(workflow) if c.rule in ("name", "reference")]
    headers = ("# HTTP\n## Header\n\n| 헤더 이름 | 설명 | 예시 |\n|---|---|---|\n"
               "| **Host** | 요청 대상 서버의 도메인 이름을 지정 | `Host: www.example.com` |\n"
               "| **Location** | 리다이렉션이 발생할 때 새로운 URL 제공 | `Location: https://example.com/new` |\n")
    assert [c.front for c in cards_of(headers) if c.rule == "reference"] == ["Header › Host", "Header › Location"]


def test_a_label_that_names_an_aspect_is_asked_with_what_it_is_an_aspect_of() -> None:
    """`- **구조**` and `- **방식**` under `### 베어메탈` and again under `### 가상화`: each label is an aspect of its
    heading's topic, and a front of the label alone asks nothing (the same `구조` twice, with two answers). So is an
    `Architecture` heading of its note's subject."""
    text = ("# 서버 운영 방식\n### 베어메탈\n- **구조**\n  - 물리 서버 → 운영체제 → 애플리케이션\n- **방식**\n"
            "  - 가상화 없이 하나의 OS 위에서 여러 애플리케이션을 실행\n### 가상화\n- **구조**\n"
            "  - 물리 서버 → 하이퍼바이저 → 게스트 OS → 애플리케이션\n- **방식**\n  - 하이퍼바이저가 자원을 나눠 VM을 띄움\n")
    assert [c.front for c in cards_of(text) if c.rule == "term"] == [
        "베어메탈 › **구조**", "베어메탈 › **방식**", "가상화 › **구조**", "가상화 › **방식**"]
    heading = ("# 처리율 제한 장치\n## 아키텍처\n클라이언트의 요청은 API 서버에 닿기 전에 처리율 제한 미들웨어를 거친다. "
               "한도를 넘은 요청은 429로 거부된다.\n")
    assert [c.front for c in cards_of(heading) if c.rule == "explain"] == ["처리율 제한 장치 › 아키텍처"]


def test_a_term_that_only_names_a_platform_is_asked_with_the_sections_topic() -> None:
    """`- **macOS**: `/Users/…/obsidian`` under `Global settings`: the path is the settings folder's on macOS, and
    a front of `macOS` alone asks nothing (the same `macOS` is asked again under every other section)."""
    text = ("# How Obsidian stores data\n## Global settings\nObsidian stores global settings in a system folder.\n\n"
            "- **macOS**: `/Users/yourusername/Library/Application Support/obsidian`\n"
            "- **Windows**: `%APPDATA%\\Obsidian\\`\n"
            "## Vault settings\nEach vault keeps its settings in `.obsidian`.\n\n"
            "- macOS\n  - In Finder, press `Cmd+Shift+.` to show hidden files.\n")
    fronts = [c.front for c in cards_of(text) if c.rule in ("definition", "term")]
    assert fronts == ["Global settings › macOS", "Global settings › Windows", "Vault settings › macOS"]


def test_a_callout_on_a_topic_of_its_own_after_a_list_is_asked_by_itself() -> None:
    """`> [!IMPORTANT] PDBs Need Redundancy` under the bullets of a PDB's `Key Behaviors`: a point with a title of its
    own (even one that shares a word with the bullets, `Pair with Taints` under a toleration's), asked by that
    title, and not tacked onto the bullets' answer (which keeps every bullet: a last bullet that only goes on about
    `these resources` announces nothing), and so is advice that says what to do (`Use Sparingly`). A callout titled
    by a generic word (`Best practices`) or a bare reminder (`Remember`, `기억하기`) stays with its section."""
    text = ("# Pod Disruption Budget\n## Key Behaviors\n\n- Applies to voluntary disruptions only.\n"
            "- Custom controllers watch these resources and implement domain logic.\n\n"
            "> [!IMPORTANT] PDBs Need Redundancy\n> Ensure the controller has enough replicas; a PDB does not create "
            "Pods, it merely blocks evictions.\n")
    found = {c.front: c.back for c in cards_of(text) if c.rule == "explain"}
    assert found["Pod Disruption Budget › PDBs Need Redundancy"].startswith("Ensure the controller has enough")
    behaviors = found["Pod Disruption Budget › Key Behaviors"]
    assert "domain logic." in behaviors and "Redundancy" not in behaviors and "continued" not in behaviors
    generic = ("# Sync\n## Google Drive\n\n- Install the Google Drive app.\n- Create the vault in Google Drive.\n\n"
               "> [!tip] Best practices\n> Set vault files to **Available Offline** in Google Drive.\n")
    [card] = [c for c in cards_of(generic) if c.rule == "explain"]
    assert card.front == "Google Drive" and "Available Offline" in card.back
    shared = ("# Tolerations\n## Key Ideas\n\n- Taints mark nodes as off-limits.\n- Tolerations remove the taint as a "
              "blocker.\n\n> [!TIP] Pair with Taints\n> Use taints to protect special hardware nodes, then grant "
              "workload access via tolerations.\n")  # (a title that shares a word with the bullets: under a list, a
    # point of its own all the same)
    found = {c.front: c.back for c in cards_of(shared) if c.rule == "explain"}
    assert found["Tolerations › Pair with Taints"].startswith("Use taints") and "protect" not in found[
        "Tolerations › Key Ideas"]
    point = ("# Priority Class\n## Why Priority Matters\n\n- Higher priority Pods preempt lower priority Pods.\n"
             "- Critical components use predefined classes.\n\n> [!TIP] Use Sparingly\n> Too many custom priorities "
             "complicate troubleshooting; stick to tiers.\n")  # (advice that says what to do: one more point)
    assert "Priority Class › Use Sparingly" in {c.front for c in cards_of(point) if c.rule == "explain"}
    reminder = point.replace("Use Sparingly", "Remember")
    assert [c.front for c in cards_of(reminder) if "tiers" in c.back] == ["Why Priority Matters"]
    advice = ("# 디플로이먼트\n## 전략\n\n- 롤링업데이트: 파드를 하나씩 바꿉니다\n- 재생성(Recreate)\n\n"
              "> [!tip] 기억하기\n> `maxSurge` 와 `maxUnavailable` 로 속도를 조절합니다.\n")
    assert [c.front for c in cards_of(advice) if "maxSurge" in c.back] == ["전략"]


def test_a_kind_the_objects_name_abbreviates_is_no_blank() -> None:
    """`name: example-csr` gives away the `CertificateSigningRequest` its initials spell, as `web-hpa` gives away a
    HorizontalPodAutoscaler: the kind stays shown and the card asks the rest; a name that spells no kind leaves the
    kind a blank."""
    csr = ("# Certificates\n## Example Manifest File\n```yaml\napiVersion: certificates.k8s.io/v1\n"
           "kind: CertificateSigningRequest\nmetadata:\n  name: example-csr\nspec:\n"
           "  signerName: kubernetes.io/kube-apiserver-client\n  request: <base64-encoded-CSR>\n  usages:\n"
           "    - client auth\n```\n")
    [card] = [c for c in cards_of(csr) if c.rule == "manifest"]
    assert "CertificateSigningRequest" not in _hidden(card) and "signerName" in _hidden(card)
    plain = csr.replace("example-csr", "alice").replace("-encoded-CSR", "")
    [card] = [c for c in cards_of(plain) if c.rule == "manifest"]
    assert "CertificateSigningRequest" in _hidden(card)


def test_reference_rows_whose_description_shares_a_word_with_the_name() -> None:
    """A command's description may name what it makes (`ZIP 생성` over `git archive HEAD -o file.zip`): the command is
    still to recall, asked with the section's topic when the description is short. A method's Korean description
    that shares `SQL` with `.execute(sql)` says more than its name (and, sharing that word, is asked the other way:
    what it does → the method). A column of names in code under a header of
    its own (`derive | 기능`) is a reference as `메서드 | 설명` is; a workflow's secrets are its setup, no card."""
    text = ("# Git 저장소 관리\n## 아카이브\n| 명령어 | 설명 |\n|---|---|\n| `git archive HEAD -o file.zip` | ZIP 생성 |\n"
            "| `git archive --format=tar HEAD > file.tar` | TAR 생성 |\n\n"
            "## 주요 메서드\n| 메서드 | 설명 |\n|---|---|\n| `.execute(sql)` | SQL 문자열 파싱 + 실행 |\n"
            "| `.plan(sql)` | SQL → 실행 계획 생성 |\n\n"
            "## 주요 derive 트레이트\n| derive | 기능 |\n|---|---|\n| `Copy` | 암시적 복사 |\n| `Default` | 기본값 생성 |\n"
            "| `Hash` | HashMap 키로 사용 |\n\n"
            "## 필요한 시크릿\n| 시크릿 | 설명 |\n|---|---|\n| `EC2_HOST` | 배포할 서버의 주소 |\n| `SSH_KEY` | 접속에 쓰는 개인 키 |\n")
    cards = [(c.front, c.back) for c in cards_of(text) if c.rule in ("reference", "name")]
    assert cards == [
        ("아카이브 › ZIP 생성", "`git archive HEAD -o file.zip`"),
        ("아카이브 › TAR 생성", "`git archive --format=tar HEAD > file.tar`"),
        ("주요 메서드 › SQL 문자열 파싱 + 실행", "`.execute(sql)`"), ("주요 메서드 › SQL → 실행 계획 생성", "`.plan(sql)`"),
        ("주요 derive 트레이트 › 암시적 복사", "`Copy`"), ("주요 derive 트레이트 › 기본값 생성", "`Default`"),
        ("`Hash`", "HashMap 키로 사용")]
    assert not [c for c in cards_of(text) if "EC2_HOST" in c.front + c.back]
    slash = "# Rust async/await\n## 주요 패턴\n| 패턴 | 설명 |\n|---|---|\n| `join!` | 모든 future 완료 대기 |\n| `select!` | 첫 번째 완료된 future 반환 |\n"
    assert [c.front for c in cards_of(slash) if c.rule == "reference"] == ["`join!`", "`select!`"]  # (no file's name)
    own = slash.replace("## 주요 패턴", "## 구성 파일\n### 📄 app.yaml")
    assert not [c for c in cards_of(own) if c.rule == "reference"]  # what one project's file holds


def test_a_table_of_methods_compared_gives_a_card_per_method() -> None:
    """`방법 | 보안 | 설정 난이도 | 적합한 경우`: each method, with the table's topic, → what each column says of it."""
    text = ("# Cloud SQL\n## 연결 방법 비교\n| 방법 | 보안 | 설정 난이도 | 적합한 경우 |\n|---|---|---|---|\n"
            "| Auth Proxy | 높음 (IAM 인증) | 중간 | 개발/운영 범용 |\n| Private IP | 높음 (VPC 내부) | 높음 | 프로덕션 |\n"
            "| Public IP | 중간 (IP 화이트리스트) | 낮음 | 임시 접속 |\n")
    cards = [c for c in cards_of(text) if c.rule == "entity"]
    assert [c.front for c in cards] == ["연결 방법 비교 › Auth Proxy", "연결 방법 비교 › Private IP",
                                        "연결 방법 비교 › Public IP"]
    assert cards[2].back == "**보안**: 중간 (IP 화이트리스트)\n\n**설정 난이도**: 낮음\n\n**적합한 경우**: 임시 접속"


def test_an_overview_of_what_the_subsections_go_over_is_no_card() -> None:
    """`…과정을 정리한다. …테스트 방법을 포함한다.` or `The Editor page contains settings for …` over subsections: the
    subsections hold what there is to learn. A tool's definition in the same words (`다른 Git 저장소를 하위 디렉토리로
    포함한다.`, `외부 도구로 diff를 시각적으로 비교한다.`) stays."""
    text = ("# GCP 네트워크 구축 실습\n\nGCP 네트워크 인프라를 실습으로 구축하는 과정을 정리한다. AWS와의 비교, 테스트 방법을 포함한다.\n\n"
            "## VPC\n\nVPC는 글로벌 리소스이고 서브넷은 리전에 속한다.\n")
    assert [c.front for c in cards_of(text) if c.rule == "explain"] == ["VPC"]
    settings = ("# Settings\n## Editor\n\nThe Editor page contains settings for how you view and edit notes.\n\n"
                "### Readable line length\n\nLimits the width of the text so that long lines wrap earlier.\n")
    assert [c.front for c in cards_of(settings) if c.rule == "explain"] == ["Readable line length"]
    for definition in ("다른 Git 저장소를 하위 디렉토리로 포함한다.", "외부 도구로 diff를 시각적으로 비교한다."):
        tool = f"# Git 도구\n\n{definition}\n\n## 사용법\n\n설정 파일에 도구 이름을 적고 명령을 실행한다.\n"
        assert [c.back for c in cards_of(tool) if c.rule == "explain" and c.back == definition]


def test_a_table_of_a_manifests_top_level_fields_is_no_card() -> None:
    """`apiVersion | apps/v1 설정`, `kind | StatefulSet 설정`, `metadata | name에 이름 설정`, `spec | 표2 참고`: the skeleton
    every manifest opens with; the spec's own table has what there is to learn."""
    text = ("# 스테이트풀셋\n## (1) 스테이트풀셋 API\n|항목|설명|\n|--|--|\n|apiVersion|apps/v1 설정|\n|kind|StatefulSet 설정|\n"
            "|metadata|name에 이름 설정|\n|spec|스테이트풀셋의 사양 (표2 참고)|\n\n## (2) 스테이트풀셋의 사양\n|항목|설명|\n|--|--|\n"
            "|serviceName|헤드리스 서비스의 이름|\n|replicas|기동하는 파드 수를 지정|\n")
    assert [c.front for c in cards_of(text)] == ["스테이트풀셋 › serviceName", "스테이트풀셋 › replicas"]


def test_the_command_that_opens_a_manifest_labels_it_for_the_lint() -> None:
    """`$ kubectl edit configmap -n kube-system kube-proxy` over the file's lines in a bare fence: the file as the
    learner edits it, checked as a manifest, with no "not valid YAML" for the command's line."""
    from flashgen.kube.lint import lint_manifest_text

    code = ("$ kubectl edit configmap -n kube-system kube-proxy\n\napiVersion: kubeproxy.config.k8s.io/v1alpha1\n"
            "kind: KubeProxyConfiguration\nmode: \"ipvs\"\nipvs:\n  strictARP: true\n")
    assert not lint_manifest_text(code, "n.md", 3)
    pod = "$ vi pod.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containerz: []\n"
    assert [d.message for d in lint_manifest_text(pod, "n.md", 3) if "containerz" in d.message]


def test_a_terminal_session_pasted_as_text_shows_its_commands_only() -> None:
    """A PowerShell session written into the note outside a fence (`PS C:\\work\\ch09> kubectl describe deploy vweb` ⏎
    what it printed): the command as code, without the author's folder or the output; `➜  nsenter …` too. A step
    that only applies the lab's file (`kubectl apply -f .\\pi\\job.yaml`) teaches `-f` alone: no card."""
    text = ("# 디플로이먼트\n\n# 디플로이먼트의 상태를 확인\nPS C:\\work\\kiamol\\ch09> kubectl describe deploy vweb\n"
            "Name:               vweb\nNamespace:          default\n\n# 업데이트된 잡을 배치\n"
            "PS C:\\work\\kiamol\\ch08> kubectl apply -f .\\pi\\pi-job-random.yaml\njob.batch/pi-job-random created\n\n"
            "# 파드의 인터페이스\n```\n➜  nsenter -t 75171 -n ip addr\n3: eth0@if23: <BROADCAST,MULTICAST,UP>\n"
            "    inet 10.96.0.230/32 scope global eth0\n```\n")
    cards = {c.front: c.back for c in cards_of(text)}
    assert cards == {"디플로이먼트의 상태를 확인": "```sh\nPS> kubectl describe deploy vweb\n```",
                     "파드의 인터페이스": "```\n➜  nsenter -t 75171 -n ip addr\n```"}


def test_a_program_the_room_runs_out_in_after_the_words_shows_none_of_its_lines() -> None:
    """`* DLQ는 … 죽은 메시지를 저장하는 큐` over a Spring config too long to show even in twice the room: the words are
    the answer, with the link to the rest; the program's first lines, cut mid-block, teach nothing."""
    config = "\n".join(["@Configuration", "public class RabbitMqConfig {"] +
                       [f"    @Bean public Queue queue{n}() {{ return new Queue(\"q{n}\"); }}" for n in range(40)] + ["}"])
    text = f"# RabbitMQ\n## DLQ\n* DLQ는 DLX를 통해 전달된 죽은 메시지를 저장하는 큐\n\n```java\n{config}\n```\n"
    [card] = [c for c in cards_of(text) if c.rule == "explain"]
    assert card.back.startswith("* DLQ는 DLX를 통해 전달된 죽은 메시지를 저장하는 큐\n\n[[n#DLQ|")
    assert "@Configuration" not in card.back
    flow = "\n".join(["kubectl apply", "     │", "     ▼", "API Server"] * 12)
    shown = f"# Volume\n## 실제 생성 흐름\nPod 생성하면 내부에서 이렇게 진행된다.\n\n```\n{flow}\n```\n"
    [card] = [c for c in cards_of(shown) if c.rule == "explain"]
    assert "kubectl apply" in card.back and "\n…\n```" in card.back  # words that say the code shows how: cut visibly


def test_a_lead_in_that_says_below_in_plain_words_announces_what_follows() -> None:
    """`…밑과 같이 존재한다.` (밑: below, as 아래) leads into a diagram; when the diagram is left out, the lead-in goes too."""
    from flashgen.cards.quality import leads_in

    assert leads_in("Pod 내부 container들은 밑과 같이 존재한다.") and leads_in("구성은 아래와 같다.")
    assert not leads_in("밑줄을 그어 강조한다.")


def test_a_manifest_blank_asks_what_means_something_and_what_the_card_does_not_show() -> None:
    """Beside `restartPolicy: Never` or `type: LoadBalancer`, the example's own values (`image: busybox:1`, a
    Service's `app: web` and `port: 80`) are not asked: they cannot be known. A value the card shows unblanked
    elsewhere is not asked either (`port: 3306` beside `containerPort: 3306`): Anki shows the other blanks' values
    on each blank's card. A schedule (`"*/1 * * * *"`, no word in it) is still asked."""
    from flashgen.cards.manifests import cloze_manifest

    job = ("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: two\nspec:\n  template:\n    spec:\n      containers:\n"
           "      - name: c\n        image: busybox:1\n      restartPolicy: Never\n  backoffLimit: 2\n")
    text, groups, _ = cloze_manifest(job)
    assert "image: busybox:1" in text and "{{c1::Never}}" in text and groups == ["restartPolicy", "completions"]
    svc = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: front\nspec:\n  selector:\n    app: web\n  ports:\n"
           "  - port: 80\n  type: LoadBalancer\n")
    text, groups, _ = cloze_manifest(svc)
    assert groups == ["kind", "type"] and "app: web" in text and "port: 80" in text
    both = ("apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n  - port: 3306\n---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: db\nspec:\n  replicas: 2\n  template:\n"
            "    spec:\n      containers:\n      - name: db\n        image: mysql\n        ports:\n"
            "        - containerPort: 3306\n")
    text, groups, _ = cloze_manifest(both)
    assert "ports" not in groups and "containerPort" not in groups and "{{c" in text
    cron = ("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: hello\nspec:\n  schedule: \"*/1 * * * *\"\n"
            "  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: hello\n"
            "            image: busybox\n          restartPolicy: OnFailure\n")
    assert cloze_manifest(cron)[1] == ["schedule", "restartPolicy"]
    named = svc.replace("name: front", "name: web-service-lb")  # (`lb` abbreviates `LoadBalancer`)
    assert "type" not in cloze_manifest(named)[1]


def test_a_here_document_is_the_manifest_the_lint_checks_and_cat_shows_a_file() -> None:
    """`cat <<EOF > metallb-l2config.yml` ⏎ the manifest ⏎ `EOF` ⏎ `$ kubectl apply -f …` in a bare fence: the
    here-document is checked as a manifest (no "not valid YAML" for the commands around it), a mistake in it still
    found on its line. `$ cat vip-rbac.yml` over a manifest shows that file: its lines are no output to leave out."""
    from flashgen.cards.plain import without_printed
    from flashgen.kube.lint import lint_manifest_text

    code = ("cat <<EOF > l2.yml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config\ndata:\n  config: |\n"
            "    address-pools: []\nEOF\n$ kubectl apply -f l2.yml")
    assert lint_manifest_text(code, "n.md", 3) == []
    [found] = lint_manifest_text(code.replace("kind: ConfigMap", "kind: ConfigMap\nspec: {}"), "n.md", 3)
    assert found.line == 6 and 'unknown field "spec"' in found.message
    shown = "$ cat vip-rbac.yml\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: vip"
    assert without_printed(shown) == shown


def test_code_fenced_inside_a_list_item_holds_no_explicit_card_and_a_lead_in_is_no_term() -> None:
    """`* 아래와 같이 사용 가능` ⏎ `  ```java` ⏎ `  .orElseThrow(IllegalArgumentException::new);`: the `::` of Java code
    fenced inside a list item is no card's separator (it made `.orElseThrow(IllegalArgumentException` → `new);`),
    and an item that only leads into what is under it (`아래와 같이 사용 가능`, `아래의 그림에서 …하려면`) is no term."""
    text = ("# Lock\n* 아래와 같이 사용 가능\n  ```java\n  Coupon c = repo.findById(id)\n"
            "          .orElseThrow(IllegalArgumentException::new);\n  ```\n")
    cards = cards_of(text)
    assert not [c for c in cards if c.rule in ("explicit", "term")]
    assert [c for c in cards_of("# Lock\n* 락 획득::tryLock 호출\n") if c.rule == "explicit"]


def test_a_pasted_sessions_step_is_named_by_its_comment_not_by_a_remark() -> None:
    """A terminal session pasted as text, its `#` comments read as headings: `# 디플로이먼트의 상태를 확인` ⏎ `# …사용가능으로
    나온다.` ⏎ `PS C:\\…> kubectl get deploy web`. The comment that names the step asks for the command; the remark on its
    output (a sentence) opens the answer. Headings of an outline, with no session under them, are left as they are."""
    text = ("# 디플로이먼트의 상태를 확인\n# 디플로이먼트의 상태가 오해를 일으키기 쉽다.\n"
            "# 레플리카셋이 상태를 보고하므로 사용가능으로 나온다.\nPS C:\\work\\ch07> kubectl get deploy web\n"
            "NAME   READY\nweb    1/1\n")
    [card] = cards_of(text)
    assert card.front == "디플로이먼트의 상태를 확인"
    assert card.back == "**레플리카셋이 상태를 보고하므로 사용가능으로 나온다.**\n\n```sh\nPS> kubectl get deploy web\n```"
    said = ("# 웹 애플리케이션에 포트포워딩을 적용한다.\n# 서비스는 생성하지 않았다.\n# 따라서 두 컴포넌트가 통신하지 못한다.\n"
            "PS C:\\work\\ch03> kubectl port-forward deploy/numbers-web 8080:80\nForwarding from 127.0.0.1:8080 -> 80\n")
    assert [c.front for c in cards_of(said)] == ["웹 애플리케이션에 포트포워딩을 적용한다."]  # (a step said in a sentence)
    outline = "# 설치\n# 설정\n# 롤링 업데이트\n디플로이먼트는 파드를 조금씩 새 버전으로 바꾼다.\n"
    assert [c.front for c in cards_of(outline)] == ["롤링 업데이트"]


def test_a_helm_templates_action_is_no_cloze_and_a_prompt_without_output_loses_its_folder() -> None:
    """`name: {{ .Release.Name }}-db-check` in a manifest written outside a fence is a Helm template's action, no
    `{{…}}` deletion (nor `{{- include "x" . }}`); `{{쿠버네티스}}` still is one. A PowerShell prompt shows as `PS>`
    whether or not the command printed anything."""
    from flashgen.cards.cloze import deletions
    from flashgen.cards.plain import without_printed

    assert deletions("name: {{ .Release.Name }}-db-check") == [] and deletions('{{- include "x" . }}') == []
    assert [d.inner for d in deletions("컨테이너 오케스트레이션 도구는 {{쿠버네티스}}이다")] == ["쿠버네티스"]
    assert without_printed("PS C:\\work\\ch12> curl http://x/rng") == "PS> curl http://x/rng"


def test_a_generic_aspect_under_a_differences_label_names_the_things_compared() -> None:
    """`차이점` ⏎ `* 목적` ⏎ `  - keyword - 정확한 값 매칭` ⏎ `  - text - 풀 텍스트 검색`: `차이점 › 목적` did not say between
    what; the sub-items name it (`차이점 (keyword vs text) › 목적`)."""
    text = ("# keywordtext\n## Text\n풀 텍스트 검색용 타입이다.\n\n차이점\n* 목적\n  - keyword - 정확한 값 매칭, 정렬\n"
            "  - text - 풀 텍스트 검색, 부분 일치\n")
    assert [c.front for c in cards_of(text) if c.rule == "term"] == ["차이점 (keyword vs text) › 목적"]


def test_a_shell_in_a_container_showing_its_folder_is_a_prompt() -> None:
    """`$ kubectl run -it busybox … sh` ⏎ `/ # wget -q -O - http://web-service` ⏎ what it printed: the command typed in
    the container's shell (`/ #`, `/var/log/containers #`) is typed, not output, and what it printed is left out."""
    from flashgen.cards.plain import without_printed

    code = ("$ kubectl run -it busybox --restart=Never --rm --image=busybox sh\n\n/ # wget -q -O - http://web-service\n"
            "Hello from web-6c8\n/ # env | grep WEB_SERVICE\nWEB_SERVICE_PORT=tcp://10.96.182.208:80\n")
    assert without_printed(code) == ("$ kubectl run -it busybox --restart=Never --rm --image=busybox sh\n\n"
                                     "/ # wget -q -O - http://web-service\n/ # env | grep WEB_SERVICE")


def test_a_name_whose_description_holds_a_word_of_it_is_asked_by_what_it_does() -> None:
    """`loop.last` | `true if last iteration`: asked by name, the card gives its answer's word away; asked by what it
    does, the name is the answer (`Loop variables › true if last iteration` → `loop.last`). A description whose
    example shows the name whole (`Case-sensitive match. Example: match-case:Cat`) keeps the name on the front."""
    text = ("# Logic\n## Loop variables\n| Variable | Description |\n|---|---|\n| `loop.last` | `true` if last iteration |\n"
            "| `loop.index` | current iteration, counted from 1 |\n\n## Search operators\n| Search operator | Description |\n"
            "|---|---|\n| `match-case:` | Case-sensitive match. Example: `match-case:Cat`. |\n"
            "| `path:` | Find text in the file's path. Example: `path:notes`. |\n")
    cards = {c.front: (c.back, c.rule) for c in cards_of(text) if c.rule in ("name", "reference")}
    assert cards["Loop variables › `true` if last iteration"] == ("`loop.last`", "name")
    assert cards["`match-case:`"][1] == "reference"


def test_a_books_numbering_is_left_off_fronts_and_a_preparation_heading_takes_its_topic() -> None:
    """`(2-5) 연결 롤 표6`: the number in brackets and the table's number are the book's, not the topic (`연결 롤`); a
    heading `파드 사양 표4` over a table of fields is a spec's table. `사전 작업` alone asks nothing: it is asked with
    its note (`7-install-redis-cluster › 사전 작업`)."""
    from flashgen.cards.text import clean_title

    assert clean_title("(2-5) 연결 롤 표6") == "연결 롤" and clean_title("(4) 표4 URL 경로의 배열") == "URL 경로의 배열"
    assert clean_title("(기본) 설정") == "(기본) 설정" and clean_title("표현식 표시") == "표현식 표시"
    text = "## 사전 작업\n\n노드마다 swap을 끄고 containerd를 설치한다.\n"
    assert [c.front for c in cards_of(text, "7-install-redis-cluster.md")] == ["7-install-redis-cluster › 사전 작업"]


def test_a_table_of_contents_written_as_a_list_is_no_explanation() -> None:
    """`# ArgoCD 이용한 배포 환경 설정` ⏎ `* 1.ArgoCD App 생성` ⏎ `* 2.ArgoCD App 배포` … over sections of those titles: the
    note's contents, nothing to recall. Kinds listed under a line about them (`* 종류에 따라 …` ⏎ `  * **ClusterIP**`) stay."""
    text = ("# ArgoCD 배포\n* 1.ArgoCD App 생성\n* 2.ArgoCD App 배포\n* 3.ArgoCD 롤백\n\n<br>\n\n"
            "## 1. ArgoCD App 생성\n앱은 저장소의 경로와 대상 클러스터를 묶는다.\n\n## 2. ArgoCD App 배포\nSync를 누르면 배포된다.\n\n"
            "## 3. ArgoCD 롤백\nHistory에서 이전 버전을 고른다.\n")
    assert "ArgoCD 배포" not in [c.front for c in cards_of(text)]
    kinds = ("# Service\n## Service 종류\n* 종류에 따라 Pod에 접근하는 방식이 다름\n  * **ClusterIP**\n  * **NodePort**\n"
             "  * **LoadBalancer**\n\n### ClusterIP\n클러스터 안에서만 닿는다.\n\n### NodePort\n노드의 포트로 닿는다.\n\n"
             "### LoadBalancer\n외부 로드밸런서로 닿는다.\n")
    assert "Service 종류" in [c.front for c in cards_of(kinds)]


def test_a_list_of_questions_each_answered_under_it_is_a_quiz() -> None:
    """`## 질문 모음` ⏎ `1. …Service의 IP로 접근하는 이유가 무엇?` ⏎ `   * 답: …`: a card per question, its answer without
    the `답:` label; `OX:` (or an answer that opens with `O` or `X`) asks true or false. Elsewhere a list whose items
    are, four in five, questions with answers under them is a quiz too; a question the note asks itself among its
    points stays in the explanation."""
    text = ("# Self Check\n## 질문 모음\n1. Service의 IP로 Pod에 접근하는 이유가 무엇?\n   * 답: Pod가 다시 생성되면 IP가 바뀌기 때문\n"
            "2. OX: secret은 etcd에 암호화되지 않은 상태로 저장된다.\n   * 답: O, 기본은 평문이다.\n"
            "3. master노드에서는 CoreDNS에 접근이 불가능하다.\n   * 답: X, 접근할 수 있다.\n")
    cards = [(c.front, c.back, c.prompt) for c in cards_of(text) if c.rule == "question"]
    assert cards == [("Service의 IP로 Pod에 접근하는 이유가 무엇?", "* Pod가 다시 생성되면 IP가 바뀌기 때문", ""),
                     ("secret은 etcd에 암호화되지 않은 상태로 저장된다.", "* O, 기본은 평문이다.", "O/X?"),
                     ("master노드에서는 CoreDNS에 접근이 불가능하다.", "* X, 접근할 수 있다.", "O/X?")]
    points = ("# IP\n## IP 주소의 구조\n- 호스트 주소 공간을 크게 할당하면?\n    - 주소가 낭비된다\n- 작게 할당하면?\n"
              "    - 주소가 부족하다\n- 이 고민을 해결한 개념이 주소의 클래스다\n")
    assert not [c for c in cards_of(points) if c.rule == "question"]
    quiz = ("# 스레드\n## 적절한 스레드 수\n- CPU Bound 프로그램에서 적절한 스레드 수는?\n  - 코어 수 + 1\n"
            "- I/O Bound 프로그램은?\n  - 상황에 따라 조정한다\n")
    assert [c.front for c in cards_of(quiz) if c.rule == "question"] == [
        "CPU Bound 프로그램에서 적절한 스레드 수는?", "적절한 스레드 수 › I/O Bound 프로그램은?"]
