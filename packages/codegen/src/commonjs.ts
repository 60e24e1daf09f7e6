/**
 * The generator's CommonJS dependencies, loaded with `require`. ts-morph and TypeScript are CommonJS, and
 * openapi-typescript ships a CommonJS build: imported as ES modules, Node would first scan each module's whole
 * source for its export names (TypeScript is 9 MB, and ts-morph carries a second copy), a third of the generator's
 * start-up. Types still come from the packages themselves.
 */
import { createRequire } from 'node:module';
import type * as OpenapiTypescript from 'openapi-typescript';
import type * as TsMorph from 'ts-morph';
import type * as TypeScript from 'typescript';

const require = createRequire(import.meta.url);

const tsMorph = require('ts-morph') as typeof TsMorph;

/** openapi-typescript (its CommonJS build, which loads the same `typescript` as {@link ts}). */
export const openapiTypescript = require('openapi-typescript') as typeof OpenapiTypescript;

/** TypeScript's compiler API, for the few nodes the paths types build themselves. */
export const ts = require('typescript') as typeof TypeScript;

export const { printStructure, Scope, StructureKind, VariableDeclarationKind } = tsMorph;
export type Scope = TsMorph.Scope;
export type StructureKind = TsMorph.StructureKind;
export type VariableDeclarationKind = TsMorph.VariableDeclarationKind;
