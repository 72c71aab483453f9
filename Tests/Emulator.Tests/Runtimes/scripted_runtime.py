#!/usr/bin/env python3
"""A Lambda custom runtime in plain Python (standard library only) that speaks the Runtime API.

It proves the emulator serves any runtime that speaks the protocol, and it misbehaves on request so
the conformance tests can see how the emulator answers. The behaviour comes from the event: the
query string of an HTTP API event (?mode=...) or the "mode" key of a direct Invoke payload.
"""
import base64
import http.client
import json
import os
import sys
import time

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
BASE = "/2018-06-01/runtime"


def connect():
    host, port = API.split(":")
    return http.client.HTTPConnection(host, int(port), timeout=None)


def post(conn, path, body, headers=None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    conn.request("POST", BASE + path, body=data, headers=headers or {"Content-Type": "application/json"})
    response = conn.getresponse()
    text = response.read()
    return response.status, text


def echo(event, headers):
    keys = ["AWS_LAMBDA_RUNTIME_API", "_HANDLER", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME", "LAMBDA_TASK_ROOT", "TZ", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "TABLE_NAME", "OTEL_SERVICE_NAME", "EXTRA_SETTING"]
    return {
        "pid": os.getpid(),
        "event": event,
        "invocation": headers,
        "env": {k: os.environ.get(k) for k in keys},
    }


def handle(conn, request_id, event, headers):
    query = event.get("queryStringParameters") or {} if isinstance(event, dict) else {}
    mode = query.get("mode") or (event.get("mode") if isinstance(event, dict) else None) or "echo"
    if mode == "sleep":
        time.sleep(float(query.get("seconds") or event.get("seconds") or 10))
    if mode == "crash":
        print("crashing on purpose", flush=True)
        os._exit(3)
    if mode == "error":
        return post(conn, f"/invocation/{request_id}/error",
                    {"errorMessage": "boom", "errorType": "TestError", "stackTrace": ["scripted_runtime.py"]},
                    {"Content-Type": "application/vnd.aws.lambda.error+json", "Lambda-Runtime-Function-Error-Type": "TestError"})
    if mode == "cookies":
        result = {"statusCode": 201, "headers": {"x-custom": "yes", "content-type": "text/plain"},
                  "cookies": ["a=1; Path=/", "b=2; HttpOnly"], "body": "cookies"}
    elif mode == "cors":
        result = {"statusCode": 200, "headers": {"access-control-allow-origin": "https://evil.example",
                                                 "access-control-allow-methods": "DELETE", "x-kept": "1"}, "body": "cors"}
    elif mode == "raw":
        result = {"hello": "world", "n": 1}
    elif mode == "string":
        result = "hello from lambda"
    elif mode == "malformed":
        return post(conn, f"/invocation/{request_id}/response", b"this is not json")
    elif mode == "bad-status":
        result = {"statusCode": "teapot", "body": "x"}
    elif mode == "binary":
        result = {"statusCode": 200, "headers": {"content-type": "application/octet-stream"},
                  "body": base64.b64encode(bytes([0, 1, 2, 255])).decode(), "isBase64Encoded": True}
    elif mode == "big":
        result = {"statusCode": 200, "body": "x" * (7 * 1024 * 1024)}
        status, _ = post(conn, f"/invocation/{request_id}/response", result)
        print(f"big response answered {status}", flush=True)
        return status, b""
    else:
        result = {"statusCode": 200, "headers": {"content-type": "application/json"},
                  "body": json.dumps(echo(event, headers))}
        if not isinstance(event, dict) or "rawPath" not in event:
            result = echo(event, headers)
    return post(conn, f"/invocation/{request_id}/response", result)


def main():
    conn = connect()
    if os.environ.get("SCRIPTED_INIT_ERROR"):
        post(conn, "/init/error", {"errorMessage": "init failed on purpose", "errorType": "Runtime.InitTest", "stackTrace": []},
             {"Lambda-Runtime-Function-Error-Type": "Runtime.InitTest"})
        sys.exit(1)
    print(f"scripted runtime ready (pid {os.getpid()})", flush=True)
    while True:
        conn.request("GET", BASE + "/invocation/next")
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            sys.exit(0)
        headers = {k: response.getheader(k) for k in ["Lambda-Runtime-Aws-Request-Id", "Lambda-Runtime-Deadline-Ms",
                                                      "Lambda-Runtime-Invoked-Function-Arn", "Lambda-Runtime-Trace-Id"]}
        request_id = headers["Lambda-Runtime-Aws-Request-Id"]
        handle(conn, request_id, json.loads(body), headers)


if __name__ == "__main__":
    main()
