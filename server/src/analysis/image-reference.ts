import type { Instruction } from '../parser/index.js';
import { knownValueAt } from './known-value.js';
import type { VariableResolver } from './variables.js';

/** An image reference split the way Docker reads it: `[registry/]repository[:tag][@digest]`. */
export interface ImageReference {
  /** The registry host (with port) when the first path component names one: `gcr.io`, `localhost:5000`. */
  registry?: string;
  /** The path after the registry, as written: `debian`, `zemanlx/ubuntu`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Docker Hub's names: a reference without a registry is on Docker Hub too. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com']);

export function parseImageReference(text: string): ImageReference {
  const at = text.indexOf('@');
  const name = at < 0 ? text : text.slice(0, at);
  const digest = at < 0 ? undefined : text.slice(at + 1);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const path = colon > slash ? name.slice(0, colon) : name;
  const firstSlash = path.indexOf('/');
  const first = firstSlash < 0 ? '' : path.slice(0, firstSlash);
  const hasRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
  return {
    registry: hasRegistry ? first : undefined,
    repository: hasRegistry ? path.slice(firstSlash + 1) : path,
    tag,
    digest,
  };
}

export function isDockerHub(reference: ImageReference): boolean {
  return reference.registry === undefined || DOCKER_HUB.has(reference.registry.toLowerCase());
}

/** The image a FROM names, global ARGs expanded; undefined when a build argument decides it. */
export function fromImageText(instruction: Instruction, variables: VariableResolver, escape: string): string | undefined {
  const image = instruction.from?.image;
  return image && knownValueAt(image.value, instruction.start, variables, escape);
}
