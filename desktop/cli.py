"""The command line: ``python -m desktop COMMAND`` (also installed as ``cds-xa``). With no command, the program starts.

Errors go to stderr in Vietnamese, never as a traceback. Exit codes: 0 done, 1 the checks found errors,
2 refused (bad file, unusable database or destination).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__, paths

_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
}


def _vi(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


argparse._ = _vi  # argparse looks its messages up through gettext; Qt and Python ship no Vietnamese


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}\n")


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _open_store(db: str | None, *, create: bool = True):
    """The commune's database; commands that only read it (check, export…) refuse a missing file."""
    from .store import Store
    return Store.open(Path(db) if db else paths.default_db_path(), create=create)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cds-xa", description="CĐS Xã: Ban Chỉ đạo chuyển đổi số và Tổ công nghệ số cộng đồng của xã.")
    p.add_argument("--version", action="version", version=f"CĐS Xã {__version__}", help="in phiên bản rồi thoát")
    p.add_argument("--db", help="tệp dữ liệu (mặc định: trong thư mục dữ liệu của người dùng)")
    p.add_argument("--screenshots", metavar="DIR", help="mở cửa sổ, lưu ảnh từng bước vào DIR rồi thoát")
    p.add_argument("--self-test", action="store_true", help="tự kiểm tra chương trình (không cần màn hình) rồi thoát")
    p.add_argument("--sample-if-empty", action="store_true",
                   help="khi chưa có dữ liệu, mở xã mẫu của chương trình để xem thử")
    sub = p.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)

    def cmd(name: str, help_text: str):
        s = sub.add_parser(name, help=help_text, description=help_text)
        s.add_argument("--db", help="tệp dữ liệu (mặc định: trong thư mục dữ liệu của người dùng)",
                       default=argparse.SUPPRESS)
        return s

    s = cmd("demo", "tạo một xã mẫu (hư cấu) để dùng thử")
    s.add_argument("--villages", type=int, default=10, help="số thôn (mặc định 10)")
    s.add_argument("--team-size", type=int, default=5, help="số người mỗi tổ (mặc định 5)")
    s = cmd("import-json", "nhập tệp dữ liệu xã (JSON), thay toàn bộ dữ liệu hiện có")
    s.add_argument("file", metavar="TỆP")
    s = cmd("export-json", "xuất tệp dữ liệu xã (JSON)")
    s.add_argument("--out", metavar="TỆP", help="tệp ghi ra (mặc định: in ra màn hình)")
    s = cmd("check", "kiểm tra theo hướng dẫn của huyện")
    s.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    s = cmd("export", "viết toàn bộ văn bản (Word) và danh sách (Excel) gửi huyện")
    s.add_argument("--out", metavar="THƯ_MỤC", required=True, help="thư mục ghi ra")
    s.add_argument("--zip", action="store_true", help="đóng thêm một tệp .zip để gửi thư")
    s.add_argument("--force", action="store_true", help="vẫn viết khi kiểm tra còn lỗi")
    s.add_argument("--json", action="store_true", help="in danh sách tệp đã viết dạng JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.self_test:
            from .selftest import run_self_test
            return run_self_test()
        if not args.command:
            if args.sample_if_empty:
                load_sample_if_empty(args.db)
            from .qt.app import run
            return run(args.db, screenshots=args.screenshots)
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last guard: a clerk never sees a traceback
        from .store import StoreError
        from .files import WriteError
        if isinstance(exc, (StoreError, WriteError)):
            _err(f"Lỗi: {exc}")
            return 2
        _err(f"Lỗi không mong đợi: {type(exc).__name__}: {exc}. Dữ liệu đã lưu được giữ nguyên.")
        return 2


def load_sample_if_empty(db: str | None) -> bool:
    """Put the program's sample commune into an empty database (the README's first command). True if it did."""
    from .interchange import parse_text
    with _open_store(db) as store:
        if not store.is_empty():
            return False
        store.replace_setup(parse_text(paths.sample_path().read_bytes()))
    return True


def cmd_demo(args) -> int:
    from . import demo
    if args.villages < 1 or args.team_size < 1:
        _err("Lỗi: số thôn và số người mỗi tổ phải từ 1 trở lên.")
        return 2
    with _open_store(args.db) as store:
        store.replace_setup(demo.build(villages=args.villages, team_size=args.team_size))
        setup = store.load()
    print(f"Đã tạo xã mẫu {setup.commune.full_name}: {len(setup.villages)} thôn, {len(setup.people)} người, "
          f"trong {store.path}.")
    return 0


def cmd_import_json(args) -> int:
    from .interchange import InterchangeError, parse_text
    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        _err(f"Lỗi: không đọc được tệp {path}: {exc.strerror or exc}.")
        return 2
    try:
        setup = parse_text(raw)
    except InterchangeError as exc:
        _err(f"Tệp {path} bị từ chối, dữ liệu hiện có được giữ nguyên. {len(exc.problems)} lỗi:")
        for problem in exc.problems:
            _err(f"  - {problem}")
        return 2
    with _open_store(args.db) as store:
        store.replace_setup(setup)
    print(f"Đã nhập {setup.commune.full_name}: {len(setup.people)} người, {len(setup.committee)} thành viên "
          f"Ban Chỉ đạo, {len(setup.villages)} thôn, {len(setup.teams)} tổ.")
    return 0


def cmd_export_json(args) -> int:
    from .interchange import dumps
    from .files import write_atomic
    with _open_store(args.db, create=False) as store:
        data = dumps(store.load())
    if args.out:
        write_atomic(Path(args.out), data)
    else:
        sys.stdout.write(data)
    return 0


def cmd_check(args) -> int:
    from . import rules
    with _open_store(args.db, create=False) as store:
        findings = rules.check(store.load())
    if args.json:
        sys.stdout.write(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
    else:
        c = rules.counts(findings)
        for level in rules.LEVELS:
            items = [f for f in findings if f.level == level]
            if items:
                print(f"{rules.LEVEL_LABELS[level]} ({len(items)}):")
                for f in items:
                    print(f"  - {f.message}")
        print(f"Tổng cộng: {c['error']} lỗi, {c['warning']} cảnh báo, {c['info']} thông tin.")
    return 1 if rules.has_errors(findings) else 0


def cmd_export(args) -> int:
    from .documents.export import export_command
    return export_command(args)


COMMANDS = {"demo": cmd_demo, "import-json": cmd_import_json, "export-json": cmd_export_json, "check": cmd_check,
            "export": cmd_export}
