import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * A public web page a fact comes from: its provenance. One shared type, so that every subgraph
 * that carries sourced facts (the clusters' level histories, the programme's reported figures)
 * gives its pages the same way.
 */
@Directive('@shareable')
@ObjectType('Source', { description: 'A public web page a fact comes from.' })
export class SourceType {
  @Field(() => String, { description: 'The address of the page (http or https).' })
  url!: string;

  @Field(() => String, { description: 'The site it is on, e.g. "www.innovasjonnorge.no": the host of url.' })
  site!: string;
}

/** A page as the graph gives a source: its address, and the site it is on. */
export function sourceOf(url: string): SourceType {
  return { url, site: new URL(url).host };
}
