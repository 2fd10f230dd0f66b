// The web chat's list of communes, read from the knowledge: every commune, by id, named as citizens say it.
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { WebchatSite } from '../../webhooks/webchat/site';

export function webchatSiteOf(kb: KnowledgeBase): WebchatSite {
  return {
    province: kb.province.name,
    communes: [...kb.communes.values()]
      .map((c) => ({ id: c.id, name: c.commune_name }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
