"""The Spark engine through Spark Connect ends its process: a real Connect server, started from pyspark's own
files (its jars hold the server) in local mode, and a client process that runs a query through the engine and
exits. Before the client sessions were stopped, such a process never ended (its gRPC channel was closed by a
finaliser while Python shut down, and that waits for threads that no longer run)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

_SERVER = "org.apache.spark.sql.connect.service.SparkConnectServer"
_STARTS_WITHIN_S = 300  # Java and Spark on a busy two-core machine


def _pyspark_home() -> Path | None:
    try:
        import pyspark
    except ImportError:
        return None
    home = Path(pyspark.__file__).parent
    return home if list((home / "jars").glob("spark-connect_*.jar")) else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def connect_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = _pyspark_home()
    if home is None:
        pytest.skip("pyspark with its Spark Connect server jar is not installed")
    port = _free_port()
    log = (tmp_path_factory.mktemp("spark-connect") / "server.log").open("wb")
    command = [
        str(home / "bin" / "spark-submit"),
        "--class", _SERVER,
        "--master", "local[1]",
        "--conf", f"spark.connect.grpc.binding.port={port}",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.shuffle.partitions=1",
    ]  # fmt: skip
    environment = os.environ | {"SPARK_HOME": str(home)}
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True)
    try:
        deadline = time.monotonic() + _STARTS_WITHIN_S
        while not _answers(port):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Spark Connect server did not start (see {log.name})")
            time.sleep(1)
        yield f"sc://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        log.close()


def test_a_process_that_ran_the_engine_on_spark_connect_ends(connect_url: str) -> None:
    client = (
        "from klantstem.process.engine_spark import session\n"
        "from klantstem.process.options import AnalysisOptions\n"
        f"with session(AnalysisOptions(engine='spark', spark_url={connect_url!r})) as spark:\n"
        "    print(spark.run('SELECT 40 + 2 AS answer').to_pylist()[0]['answer'])\n"
    )
    try:
        done = subprocess.run([sys.executable, "-c", client], capture_output=True, text=True, timeout=180, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail("the process did not end after its work on Spark Connect was done")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "42"
