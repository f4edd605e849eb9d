package dev.keel.server.api;

import dev.keel.store.proposal.StoredProposal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored proposal as the API shows it: id, status and lifecycle fields, then the `keel rebalance --format json` document. */
final class ProposalJson {

  private ProposalJson() {}

  static Map<String, Object> of(StoredProposal p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("household", p.household().value());
    m.put("status", p.status().code());
    m.put("version", p.version());
    m.put("mode", p.mode().code());
    m.put("origin", p.origin());
    m.put("created_at", p.createdAt());
    m.put("created_by", p.createdBy());
    m.put("approve_after", p.approveAfter().orElse(null));
    m.put("decided_at", p.decidedAt().orElse(null));
    m.put("decided_by", p.decidedBy().orElse(null));
    m.put("note", p.note().orElse(null));
    m.put("superseded_by", p.supersededBy().orElse(null));
    m.put("fingerprint", p.fingerprint());
    m.putAll(Bodies.map(p.body()));
    return m;
  }
}
