"""Deterministic generator of realistic Korean/English Kubernetes study vaults for the benchmarks."""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

# Topics shaped like the seed note's lessons: (Korean name, English name, kind used in manifests).
TOPICS = [
    ("쿠버네티스 동작원리", "How Kubernetes works", None),
    ("쿠버네티스 컴포넌트", "Components", None),
    ("쿠버네티스 네임스페이스", "Namespaces", "Namespace"),
    ("yaml 템플릿", "YAML templates", "ConfigMap"),
    ("파드", "Pods", "Pod"),
    ("레플리케이션 컨트롤러", "Replication controller", "ReplicaSet"),
    ("디플로이먼트", "Deployment", "Deployment"),
    ("데몬셋", "DaemonSet", "DaemonSet"),
    ("스테이트풀셋", "Stateful sets", "StatefulSet"),
    ("잡 컨트롤러", "job controller", "Job"),
    ("크론잡", "CronJob", "CronJob"),
    ("서비스", "Services", "Service"),
    ("인그레스", "Ingress", "Ingress"),
    ("볼륨", "Volumes", "PersistentVolumeClaim"),
    ("시크릿", "Secrets", "Secret"),
    ("노드 스케줄링", "Node scheduling", "Pod"),
]

TERMS = [
    ("etcd", "key-value 데이터의 저장소"),
    ("kube-apiserver", "k8s API를 사용하는 모든 요청을 받고 요청에 유효한지 검사"),
    ("kube-scheduler", "파드를 실행할 노드 선택"),
    ("kube-controller-manager", "파드를 관찰하며 개수를 보장"),
    ("kubelet", "모든 노드에서 실행되는 k8s 에이전트, 데몬 형태로 동작"),
    ("kube-proxy", "k8s의 network 통신을 관리, iptables rule을 구성"),
    ("컨테이너 런타임", "컨테이너를 실행하는 엔진, docker, containerd, runc"),
    ("ReplicaSet", "지정한 개수의 파드가 항상 실행되도록 보장"),
    ("Deployment", "ReplicaSet의 상위 개념, 롤링 업데이트와 롤백 지원"),
    ("DaemonSet", "전체 노드에서 파드가 한개씩 실행되도록 보장"),
    ("StatefulSet", "파드 이름과 볼륨을 유지시켜 주는 컨트롤러"),
    ("Job", "파드가 성공적으로 끝날 때까지 실행을 보장"),
    ("CronJob", "정해진 스케줄에 따라 Job을 생성"),
    ("Service", "파드 집합에 대한 고정된 접근 지점 (ClusterIP, NodePort, LoadBalancer)"),
    ("Ingress", "클러스터 외부에서 서비스로 들어오는 HTTP 요청을 라우팅"),
    ("ConfigMap", "설정 데이터를 key-value 형태로 저장"),
    ("Secret", "비밀번호, 토큰 같은 민감한 데이터를 저장"),
    ("PersistentVolume", "a piece of storage in the cluster provisioned by an administrator"),
    ("namespace", "a way to divide cluster resources between multiple users"),
    ("label selector", "the core grouping primitive in Kubernetes"),
    ("taint", "lets a node repel a set of pods"),
    ("toleration", "allows the scheduler to schedule pods with matching taints"),
]

EXPLAINED = [
    ("파드 이름", ["재시작되어도 같은 이름을 유지한다", "serviceName 과 연결해서 core dns 도메인 이름으로 사용가능"]),
    ("롤링업데이트", ["파드를 하나씩 새 버전으로 교체", "maxSurge, maxUnavailable 로 속도 조절"]),
    ("restartPolicy", ["Always, OnFailure, Never 중 하나", "Job 에서는 Always 를 쓸 수 없다"]),
    ("readiness probe", ["the pod receives traffic only when it is ready", "failing probes remove it from endpoints"]),
    ("resource limits", ["cpu 와 memory 상한", "limit 을 넘으면 OOMKilled 될 수 있다"]),
    ("로그 수집기", ["노드마다 하나씩 실행", "DaemonSet 에 적합한 워크로드"]),
]

SENTENCES = [
    "`{term}`는 쿠버네티스 클러스터의 핵심 컴포넌트로, 클러스터의 상태 정보를 다룹니다.",
    "간단히 말해, {term}는 클러스터의 '두뇌'와 같은 역할을 합니다.",
    "디플로이먼트가 상위항목임 deployment --> ReplicaSet --> Pod",
    "탑다운 아니고 통으로 읽어서 쿠버api문법 맞는지 확인",
    "api 버전은 kubectl explain 명령 쓰면 확인가능",
    "이런식으로 실행하면 5초뒤에 파드종료 -> 그럼 또 다시 쿠버가 살림 -> 계속 증가됨",
    "The {term} object is stored in etcd and reconciled by a controller until the actual state matches.",
    "When the spec changes, the controller creates a new revision and scales the old one down.",
    "여기서 어렵다고 느낌, 다시 {term} 문서 보고 진행",
    "**{term}** 는 스케일 업/다운 확인하면서 쓸수있고, 항상 이름 보장받음",
    "Use `kubectl get {lower} -o wide` to see where each one runs.",
    "=> 어쨌든 컨트롤러는 노드에 파드 내려주고, 파드 개수보장 역할인듯",
]

QUESTIONS = [
    "{term}는 어떤 역할을 하나? {definition}",
    "What does {term} do? {definition}",
]

TAGS = ["#k8s", "#k8s/controller", "#k8s/network", "#study", "#따배쿠", "#todo", "#cka", "#복습"]

FOLDERS = ["01 기초", "02 워크로드", "03 네트워크", "04 스토리지", "05 운영", "archive", "daily"]
SUBFOLDERS = ["", "", "실습", "정리", "lab notes", "2024"]

IMAGE_COLORS = [(230, 80, 60), (60, 160, 90), (40, 90, 200), (200, 200, 40), (120, 40, 160)]


@dataclass
class Vault:
    """What the generator wrote: the folder, every note's relative path, and the image files."""

    root: Path
    notes: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    missing_images: int = 0
    broken_links: int = 0


def png_bytes(color: tuple[int, int, int], size: int = 4) -> bytes:
    """A small valid RGB PNG filled with one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(color) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size))
            + chunk(b"IEND", b""))


def pasted_name(rng: random.Random) -> str:
    """An Obsidian pasted-image file name such as `Pasted image 20240129120337.png`."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    hour, minute, second = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
    return f"Pasted image 2024{month:02d}{day:02d}{hour:02d}{minute:02d}{second:02d}.png"


def note_names(count: int, seed: int) -> list[str]:
    """`count` distinct note paths (relative, with `.md`) spread over nested folders."""
    rng = random.Random(seed)
    names = []
    for index in range(count):
        ko, en, _ = TOPICS[index % len(TOPICS)]
        title = f"{ko} {index:05d}" if rng.random() < 0.7 else f"{en} {index:05d}"
        folder = rng.choice(FOLDERS)
        sub = rng.choice(SUBFOLDERS)
        parts = [folder, sub, title + ".md"] if sub else [folder, title + ".md"]
        names.append("/".join(parts))
    return names


def _manifest(rng: random.Random, kind: str, name: str) -> list[str]:
    """A YAML fence for one Kubernetes object of the given kind."""
    image = rng.choice(["nginx:1.25", "centos:7", "busybox:1.36", "redis:7", "httpd:2.4"])
    labels = ["  labels:", f"    app: {name}"]
    container = [f"      - name: {name}", f"        image: {image}"]
    if kind in ("Deployment", "ReplicaSet", "DaemonSet", "StatefulSet"):
        api = "apps/v1"
        body = ["spec:"]
        if kind != "DaemonSet":
            body.append(f"  replicas: {rng.randint(1, 5)}")
        if kind == "StatefulSet":
            body.append(f"  serviceName: {name}")
        body += ["  selector:", "    matchLabels:", f"      app: {name}", "  template:", "    metadata:",
                 "      labels:", f"        app: {name}", "    spec:", "      containers:"]
        body += ["      - name: " + name, "        image: " + image, "        ports:",
                 f"        - containerPort: {rng.choice([80, 8080, 6379])}"]
    elif kind == "Job":
        api = "batch/v1"
        body = ["spec:", f"  backoffLimit: {rng.randint(1, 6)}", f"  completions: {rng.randint(1, 3)}", "  template:",
                "    spec:", f"      restartPolicy: {rng.choice(['OnFailure', 'Never'])}", "      containers:",
                *container, '        command: ["sh", "-c", "echo backup && sleep 5"]']
    elif kind == "CronJob":
        api = "batch/v1"
        body = ["spec:", f'  schedule: "{rng.randint(0, 59)} {rng.randint(0, 23)} * * *"', "  jobTemplate:",
                "    spec:", "      template:", "        spec:", "          restartPolicy: OnFailure",
                "          containers:", f"          - name: {name}", f"            image: {image}"]
    elif kind == "Service":
        api = "v1"
        body = ["spec:", f"  type: {rng.choice(['ClusterIP', 'NodePort'])}", "  selector:", f"    app: {name}",
                "  ports:", f"  - port: {rng.choice([80, 443, 8080])}", "    targetPort: 80"]
    elif kind == "Ingress":
        api = "networking.k8s.io/v1"
        body = ["spec:", "  rules:", f"  - host: {name}.example.com", "    http:", "      paths:", "      - path: /",
                "        pathType: Prefix", "        backend:", "          service:", f"            name: {name}",
                "            port:", "              number: 80"]
    elif kind == "PersistentVolumeClaim":
        api = "v1"
        body = ["spec:", "  accessModes:", "  - ReadWriteOnce", "  resources:", "    requests:",
                f"      storage: {rng.choice([1, 5, 10])}Gi"]
    elif kind in ("ConfigMap", "Secret"):
        api = "v1"
        # (a Secret's `data` is base64, which a learner rarely writes by hand: plain text goes under `stringData`)
        body = ["data:" if kind == "ConfigMap" else "stringData:", f"  mode: {rng.choice(['dev', 'prod'])}",
                "  retries: \"3\""]
    elif kind == "Namespace":
        api = "v1"
        body = []
        labels = []
    else:
        api = "v1"
        body = ["spec:", "  containers:", f"  - name: {name}", f"    image: {image}"]
    return ["```yaml", f"apiVersion: {api}", f"kind: {kind}", "metadata:", f"  name: {name}", *labels, *body, "```"]


def _link(rng: random.Random, names: list[str], headings: dict[str, list[str]], vault: Vault) -> str:
    """A wikilink to another note, sometimes to one of its headings, sometimes broken."""
    roll = rng.random()
    if roll < 0.1:
        vault.broken_links += 1
        return f"[[없는 노트 {rng.randint(0, 99999)}]]"
    target = rng.choice(names)
    stem = target.rsplit("/", 1)[-1][:-3]
    if roll < 0.35 and headings.get(target):
        return f"[[{stem}#{rng.choice(headings[target])}]]"
    if roll < 0.45:
        return f"[[{stem}|{stem.split(' ')[0]}]]"
    return f"[[{stem}]]"


def _note_text(rng: random.Random, index: int, names: list[str], headings: dict[str, list[str]],
               images: list[str], vault: Vault) -> str:
    """One note: a summary list, then a few numbered sections with lessons, terms, manifests and logs."""
    lines = [f"문서 {index}: {names[index].rsplit('/', 1)[-1][:-3]}", " ".join(rng.sample(TAGS, 2)), ""]
    lines += ["1. 쿠버네티스의 핵심 개념 ", "\t- 포드(Pod), 노드(Node), 네임스페이스(Namespace) 등",
              "2. 쿠버네티스 관리 및 운영", "\t- 애플리케이션 배포 및 스케일링", "", "---", ""]
    for position, heading in enumerate(headings[names[index]], start=1):
        number = int(heading.split(" ", 1)[0])
        topic = TOPICS[(index + position) % len(TOPICS)]
        lines += [f"{'#' if rng.random() < 0.8 else '##'} {heading}", ""]
        if rng.random() < 0.3:
            if images and rng.random() < 0.6:
                lines.append(f"![[{rng.choice(images)}]]")
            else:
                vault.missing_images += 1
                lines.append(f"![[{pasted_name(rng)}]]")
        if rng.random() < 0.5:
            lines += [f"{rng.choice(['마스터 컴포넌트', '워커 노드 컴포넌트', 'Key objects'])}:", ""]
        for term, definition in rng.sample(TERMS, rng.randint(2, 4)):
            lines.append(f"- {term} - {definition}")
        lines.append("")
        for lesson in range(1, rng.randint(2, 4)):
            if rng.random() < 0.5:
                lines.append(f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            sub = TOPICS[(index + position + lesson) % len(TOPICS)]
            lines.append(f"{number}-{lesson}. {sub[1] if rng.random() < 0.5 else sub[0]}")
            term, explanation = rng.choice(EXPLAINED)
            lines += [f"- {term}", *(f"\t{line}" for line in explanation)]
            for template in rng.sample(SENTENCES, 2):
                term_name = rng.choice(TERMS)[0]
                lines.append(template.format(term=term_name, lower=term_name.lower()))
            lines.append(f"자세한 내용은 {_link(rng, names, headings, vault)} 참고")
            lines.append("")
        if topic[2] and rng.random() < 0.35:
            lines += _manifest(rng, topic[2], f"{topic[2].lower()}-{index}-{number}")
            lines.append("")
        if rng.random() < 0.3:
            lines += ["```sh", f"kubectl apply -f {topic[2] or 'pod'}.yaml", "kubectl get pods -o wide", "```", ""]
        if rng.random() < 0.3:
            term, definition = rng.choice(TERMS)
            lines.append(rng.choice(QUESTIONS).format(term=term, definition=definition))
        if rng.random() < 0.2:
            lines.append("https://kubernetes.io/ko/docs/concepts/workloads/controllers/job/")
        lines += ["", "---"]
    lines += ["참고 문서", "[따배쿠 시리즈](https://www.youtube.com/playlist?list=PLApuRlvrZKohaBHvXAOhUD-RxD0uQ3z0c)",
              f"관련: {_link(rng, names, headings, vault)}, {_link(rng, names, headings, vault)}", ""]
    return "\n".join(lines)


def generate(root: Path, count: int, seed: int = 0, image_files: int = 5) -> Vault:
    """Write a vault of `count` notes under `root` (which must not exist or be empty); same seed, same bytes."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise FileExistsError(f"{root}: the folder for a generated vault must be empty")
    rng = random.Random(seed)
    vault = Vault(root)
    names = note_names(count, seed)
    headings: dict[str, list[str]] = {}
    for index, name in enumerate(names):
        sections = rng.randint(2, 5)
        start = rng.randint(1, 6)
        headings[name] = [f"{start + k} {TOPICS[(index + k + 1) % len(TOPICS)][rng.random() < 0.3]}"
                          for k in range(sections)]
    images = sorted({pasted_name(rng) for _ in range(image_files)})
    for k, image in enumerate(images):
        (root / image).write_bytes(png_bytes(IMAGE_COLORS[k % len(IMAGE_COLORS)]))
    vault.images = images
    for index, name in enumerate(names):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_note_text(rng, index, names, headings, images, vault), encoding="utf-8")
    vault.notes = names
    return vault


def edit_one_note(vault_root: Path, rel: str, stamp: int = 1) -> Path:
    """Change one note's text the way a learner would: add a dated line and a definition bullet."""
    path = Path(vault_root) / rel
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\n2024-02-{stamp % 28 + 1:02d}\n- edited term {stamp} - 수정한 정의 {stamp}\n",
                    encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a generated study vault of N notes.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", "--notes", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    vault = generate(args.folder, args.notes, args.seed)
    print(f"{len(vault.notes)} notes, {len(vault.images)} images, {vault.missing_images} missing image embeds, "
          f"{vault.broken_links} broken links in {vault.root}")


if __name__ == "__main__":
    main()
