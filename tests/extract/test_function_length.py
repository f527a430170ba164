"""No function in extractors/ is longer than 80 lines (#16): a long function is split into named
steps.  Every module is parsed with `ast`; nothing is excluded."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "extractors"
LIMIT = 80


def long_functions(root: Path = ROOT, limit: int = LIMIT) -> list[str]:
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = node.end_lineno - node.lineno + 1
                if lines > limit:
                    out.append(f"{path.relative_to(root.parent)}:{node.lineno} {node.name} ({lines} lines)")
    return out


def test_no_function_in_extractors_is_longer_than_80_lines():
    assert ROOT.is_dir() and any(ROOT.rglob("*.py"))
    assert long_functions() == []


def test_the_guard_sees_a_long_function(tmp_path):
    body = "\n".join(f"    x{i} = {i}" for i in range(LIMIT))
    (tmp_path / "m.py").write_text(f"def short():\n    return 1\n\n\ndef too_long():\n{body}\n")
    assert long_functions(tmp_path) == [f"{tmp_path.name}/m.py:5 too_long ({LIMIT + 1} lines)"]
