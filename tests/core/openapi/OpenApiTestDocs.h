#pragma once

// Small hand-written OpenAPI / Swagger documents for TestOpenApiImport and
// TestOpenApiDiff (kept out of the Q_OBJECT classes: moc and raw strings).

namespace hm::openapi::testdocs {

// Swagger 2.0: host/basePath/schemes, global consumes/produces, a path-level
// parameter overridden by the operation, a body parameter with a $ref to
// #/definitions, formData with a file, #/parameters and #/responses refs,
// security definitions and requirements.
inline const char *swagger20Json = R"({
  "swagger": "2.0",
  "info": {"title": "Pets", "version": "1.0.0"},
  "host": "pets.example.com",
  "basePath": "/v1",
  "schemes": ["https", "http"],
  "consumes": ["application/json"],
  "produces": ["application/json", "application/xml"],
  "securityDefinitions": {
    "apiKey": {"type": "apiKey", "name": "X-Key", "in": "header"}
  },
  "security": [{"apiKey": []}],
  "parameters": {
    "limit": {"name": "limit", "in": "query", "type": "integer", "format": "int32", "maximum": 100}
  },
  "responses": {
    "NotFound": {"description": "no such pet", "schema": {"$ref": "#/definitions/Error"}}
  },
  "definitions": {
    "Pet": {"type": "object", "required": ["name"],
            "properties": {"id": {"type": "integer", "format": "int64"}, "name": {"type": "string"},
                           "tag": {"$ref": "#/definitions/Tag"}}},
    "Tag": {"type": "string", "enum": ["a", "b"]},
    "Error": {"type": "object", "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}}
  },
  "paths": {
    "/pets": {
      "parameters": [{"name": "X-Trace", "in": "header", "type": "string", "description": "path level"}],
      "get": {
        "operationId": "listPets", "summary": "List pets", "tags": ["pets"],
        "parameters": [{"$ref": "#/parameters/limit"},
                       {"name": "X-Trace", "in": "header", "type": "string", "required": true, "description": "operation level"}],
        "responses": {"200": {"description": "pets", "schema": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}},
                      "default": {"$ref": "#/responses/NotFound"}}
      },
      "post": {
        "operationId": "createPet", "tags": ["pets"], "consumes": ["application/json", "text/json"],
        "parameters": [{"name": "pet", "in": "body", "required": true, "description": "the pet", "schema": {"$ref": "#/definitions/Pet"}}],
        "responses": {"201": {"description": "created"}},
        "security": []
      }
    },
    "/pets/{petId}/photo": {
      "put": {
        "operationId": "uploadPhoto", "deprecated": true,
        "consumes": ["multipart/form-data"],
        "parameters": [{"name": "petId", "in": "path", "type": "string"},
                       {"name": "file", "in": "formData", "type": "file", "required": true},
                       {"name": "caption", "in": "formData", "type": "string"}],
        "responses": {"204": {"description": "stored"}}
      }
    },
    "x-internal": {"get": {"responses": {}}}
  }
})";

inline const char *swagger20Yaml = R"(swagger: "2.0"
info:
  title: Pets
  version: 1.0.0
host: pets.example.com
basePath: /v1
schemes: [https, http]
consumes:
  - application/json
produces:
  - application/json
  - application/xml
securityDefinitions:
  apiKey: {type: apiKey, name: X-Key, in: header}
security:
  - apiKey: []
parameters:
  limit:
    name: limit
    in: query
    type: integer
    format: int32
    maximum: 100
responses:
  NotFound:
    description: no such pet
    schema:
      $ref: '#/definitions/Error'
definitions:
  Pet:
    type: object
    required: [name]
    properties:
      id: {type: integer, format: int64}
      name:
        type: string
      tag:
        $ref: "#/definitions/Tag"
  Tag:
    type: string
    enum: [a, b]
  Error:
    type: object
    properties:
      code: {type: integer}
      message: {type: string}
paths:
  /pets:
    parameters:
      - name: X-Trace
        in: header
        type: string
        description: path level
    get:
      operationId: listPets
      summary: List pets
      tags: [pets]
      parameters:
        - $ref: '#/parameters/limit'
        - name: X-Trace
          in: header
          type: string
          required: true
          description: operation level
      responses:
        200:
          description: pets
          schema:
            type: array
            items:
              $ref: '#/definitions/Pet'
        default:
          $ref: '#/responses/NotFound'
    post:
      operationId: createPet
      tags: [pets]
      consumes: [application/json, text/json]
      parameters:
        - name: pet
          in: body
          required: true
          description: the pet
          schema:
            $ref: '#/definitions/Pet'
      responses:
        '201':
          description: created
      security: []
  /pets/{petId}/photo:
    put:
      operationId: uploadPhoto
      deprecated: true
      consumes:
        - multipart/form-data
      parameters:
        - {name: petId, in: path, type: string}
        - {name: file, in: formData, type: file, required: true}
        - {name: caption, in: formData, type: string}
      responses:
        204:
          description: stored
  x-internal:
    get:
      responses: {}
)";

// OpenAPI 3.0: servers with variables, path-level servers, components
// (schemas, parameters, requestBodies, responses, headers), allOf, oneOf,
// cookie and header parameters, a schema reached through a ref into
// #/paths with ~1 and %7B escapes and a component named with "~" (~0).
inline const char *openApi30Json = R"({
  "openapi": "3.0.3",
  "info": {"title": "Shop", "version": "2.1", "description": "a shop"},
  "servers": [{"url": "https://{region}.shop.example/{base}",
               "variables": {"region": {"default": "eu"}, "base": {"default": "api"}}}],
  "security": [{"oauth": ["read"]}],
  "components": {
    "securitySchemes": {"oauth": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "https://auth.example/token", "scopes": {"read": "read"}}}}},
    "schemas": {
      "Base": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
      "Item": {"allOf": [{"$ref": "#/components/schemas/Base"},
                         {"type": "object", "required": ["price"],
                          "properties": {"price": {"type": "number"}, "kind": {"$ref": "#/components/schemas/Kind"}}}],
               "description": "an item"},
      "Kind": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
      "a~b/c": {"type": "boolean"},
      "Wrapper": {"type": "object", "properties": {"same": {"$ref": "#/paths/~1items~1%7Bid%7D/get/responses/200/content/application~1json/schema"},
                                                   "flag": {"$ref": "#/components/schemas/a~0b~1c"}}}
    },
    "parameters": {
      "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
      "Session": {"name": "session", "in": "cookie", "schema": {"type": "string"}}
    },
    "requestBodies": {
      "ItemBody": {"required": true, "description": "the item",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}},
                               "application/xml": {"schema": {"$ref": "#/components/schemas/Item"}}}}
    },
    "responses": {
      "Item": {"description": "one item",
               "headers": {"X-Rate": {"$ref": "#/components/headers/Rate"}},
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}}
    },
    "headers": {"Rate": {"schema": {"type": "integer"}}}
  },
  "paths": {
    "/items/{id}": {
      "servers": [{"url": "https://items.shop.example"}],
      "parameters": [{"$ref": "#/components/parameters/Id"},
                     {"name": "verbose", "in": "query", "schema": {"type": "boolean"}}],
      "get": {
        "operationId": "getItem", "tags": ["items"],
        "parameters": [{"name": "verbose", "in": "query", "required": true, "schema": {"type": "boolean", "default": false}},
                       {"$ref": "#/components/parameters/Session"},
                       {"name": "X-Request-Id", "in": "header", "schema": {"type": "string"}}],
        "responses": {"200": {"$ref": "#/components/responses/Item"},
                      "404": {"description": "missing"}}
      },
      "put": {
        "operationId": "putItem",
        "requestBody": {"$ref": "#/components/requestBodies/ItemBody"},
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Wrapper"}}}}},
        "security": [],
        "servers": [{"url": "https://write.shop.example"}]
      }
    },
    "/health": {"get": {"responses": {"204": {"description": "up"}}}}
  }
})";

// OpenAPI 3.1: a path item from components/pathItems, a $ref with sibling
// keywords, type arrays, webhooks (not endpoints).
inline const char *openApi31Yaml = R"(openapi: 3.1.0
info:
  title: Events
  version: '3'
components:
  pathItems:
    Ping:
      get:
        operationId: ping
        responses:
          '200':
            description: pong
  schemas:
    Event:
      type: object
      properties:
        name:
          type: [string, 'null']
        at:
          $ref: '#/components/schemas/Time'
          description: when it happened
    Time:
      type: string
      format: date-time
      description: a time
paths:
  /ping:
    $ref: '#/components/pathItems/Ping'
  /events:
    post:
      operationId: postEvent
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Event'
      responses:
        '202':
          description: accepted
webhooks:
  newEvent:
    post:
      responses:
        '200':
          description: ok
)";

// Cycles: a tree node, two schemas that refer to each other, a schema
// including itself through allOf and a path item's parameter list.
inline const char *cyclesJson = R"({
  "openapi": "3.0.0",
  "info": {"title": "Cycles", "version": "1"},
  "components": {"schemas": {
    "Node": {"type": "object", "properties": {"value": {"type": "string"},
             "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}}},
    "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
    "B": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}},
    "Self": {"allOf": [{"$ref": "#/components/schemas/Self"}, {"type": "object", "properties": {"x": {"type": "integer"}}}]}
  }},
  "paths": {"/tree": {"post": {
    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}}},
    "responses": {"200": {"description": "ok", "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/A"}},
        "application/x-self": {"schema": {"$ref": "#/components/schemas/Self"}}}}}}}}
})";

// Two versions of one document for the diff.
inline const char *diffBefore = R"({
  "openapi": "3.0.0", "info": {"title": "Diff", "version": "1"},
  "paths": {
    "/a": {"get": {"operationId": "getA", "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                   "responses": {"200": {"description": "ok"}}},
           "delete": {"operationId": "deleteA", "responses": {"204": {"description": "gone"}}}},
    "/b": {"post": {"operationId": "postB", "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                    "responses": {"201": {"description": "made"}}}},
    "/c": {"get": {"operationId": "getC", "responses": {"200": {"description": "ok"}}}}
  }
})";

inline const char *diffAfter = R"(openapi: 3.0.0
info: {title: Diff, version: '2'}
paths:
  /a:
    get:
      operationId: getA
      parameters:
        - {name: q, in: query, schema: {type: integer}}
        - {name: page, in: query, schema: {type: integer}}
      responses:
        '200': {description: ok}
        '404': {description: missing}
  /b:
    post:
      operationId: postB
      summary: make a B
      requestBody:
        required: true
        content:
          application/json: {schema: {type: object}}
          application/xml: {schema: {type: object}}
      responses:
        '201': {description: made}
  /c:
    get:
      operationId: getC
      responses:
        '200': {description: ok}
  /d:
    put:
      operationId: putD
      responses:
        '200': {description: ok}
)";

} // namespace hm::openapi::testdocs
