"""CloudFormation templates -> :class:`~edgekit.iac.estate.Estate` (intrinsics, then tables)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from edgekit.iac import cfn_api, cfn_cloudfront, cfn_dns, cfn_edge, cfn_elb, cfn_net, cfn_waf
from edgekit.iac.estate import Estate, Origin, Resource
from edgekit.iac.identity import Place, identity
from edgekit.iac.intrinsics import Scope, Unknown, resolve
from edgekit.iac.sources import Template
from edgekit.iac.translate import Translator

TRANSLATORS: dict[str, Translator] = {
    **cfn_cloudfront.TRANSLATORS,
    **cfn_waf.TRANSLATORS,
    **cfn_elb.TRANSLATORS,
    **cfn_dns.TRANSLATORS,
    **cfn_net.TRANSLATORS,
    **cfn_api.TRANSLATORS,
    **cfn_edge.TRANSLATORS,
}
"""One mapping per CloudFormation resource type (the table of docs/iac.md)."""


@dataclass
class _Stack:
    template: Template
    scope: Scope
    props: dict[str, Any] = field(default_factory=dict)
    idents: dict[str, dict[str, Any]] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)


class _Importer:
    def __init__(
        self,
        templates: Sequence[Template],
        parameters: Mapping[str, str],
        account: str,
        region: str,
        partition: str,
    ) -> None:
        self.parameters = parameters
        self.stacks: dict[str, _Stack] = {}
        for t in templates:
            self.stacks[t.stack] = self._stack(t, account, region, partition)

    def _stack(self, t: Template, account: str, region: str, partition: str) -> _Stack:
        params: dict[str, Any] = {}
        for name, spec in (t.body.get("Parameters") or {}).items():
            if name in self.parameters:
                params[name] = self.parameters[name]
            elif isinstance(spec, dict) and "Default" in spec:
                params[name] = spec["Default"]
        holder: list[_Stack] = []
        scope = Scope(
            stack=t.stack,
            account=t.account or account,
            region=t.region or region,
            partition=partition,
            parameters=params,
            template=t.body,
            ref=lambda lid: self.ident(holder[0], lid)["Ref"],
            get_att=lambda lid, attr: self.ident(holder[0], lid)[attr],
            import_value=self.export,
        )
        holder.append(_Stack(t, scope))
        return holder[0]

    def nested_parameters(self) -> None:
        """Parameters a parent stack passes to its nested stacks (resolved in the parent)."""
        for st in self.stacks.values():
            if st.template.parent is None:
                continue
            for parent in self.stacks.values():
                res = (parent.template.body.get("Resources") or {}).get(st.template.parent)
                if parent.template.stack + "-" + st.template.parent == st.template.stack and res:
                    passed = resolve(
                        (res.get("Properties") or {}).get("Parameters") or {}, parent.scope
                    )
                    if isinstance(passed, dict):
                        st.scope.parameters = {**st.scope.parameters, **passed}

    def resource(self, st: _Stack, lid: str) -> dict[str, Any]:
        res = (st.template.body.get("Resources") or {})[lid]
        return res if isinstance(res, dict) else {}

    def props(self, st: _Stack, lid: str) -> Any:
        if lid not in st.props:
            if lid in st.busy:
                return Unknown(f"circular reference through {lid}")
            st.busy.add(lid)
            st.props[lid] = resolve(self.resource(st, lid).get("Properties") or {}, st.scope)
            st.busy.discard(lid)
        return st.props[lid]

    def ident(self, st: _Stack, lid: str) -> dict[str, Any]:
        if lid not in st.idents:
            res = self.resource(st, lid)  # KeyError for an undefined logical id
            sc = st.scope
            place = Place(sc.account, sc.region, sc.partition, sc.stack, lid)

            def prop(name: str) -> Any:
                props = self.props(st, lid)
                return props.get(name) if isinstance(props, dict) else props

            st.idents[lid] = identity(str(res.get("Type", "")), place, prop)
        return st.idents[lid]

    def export(self, name: str) -> Any:
        for st in self.stacks.values():
            for output in (st.template.body.get("Outputs") or {}).values():
                if not isinstance(output, dict) or "Export" not in output:
                    continue
                if resolve((output["Export"] or {}).get("Name"), st.scope) == name:
                    return resolve(output.get("Value"), st.scope)
        return Unknown(f"export {name} is not declared by any given stack")

    def run(self, estate: Estate) -> None:
        self.nested_parameters()
        for st in self.stacks.values():
            for lid, res in sorted((st.template.body.get("Resources") or {}).items()):
                self._one(st, lid, res, estate)

    def _one(self, st: _Stack, lid: str, res: Any, estate: Estate) -> None:
        rtype = str(res.get("Type", "")) if isinstance(res, dict) else ""
        translate = TRANSLATORS.get(rtype)
        if translate is None:
            return
        origin = Origin(st.template.path, lid, rtype, st.template.stack)
        sc = st.scope
        if "Condition" in res:
            truth = sc.condition(str(res["Condition"]))
            if isinstance(truth, Unknown):
                estate.notes.append(f"{origin.file}: {lid} left out: {truth.reason}")
                return
            if not truth:
                return
        props = self.props(st, lid)
        if isinstance(props, Unknown):
            estate.notes.append(f"{origin.file}: {lid} left out: {props.reason}")
            return
        resource = Resource(origin, props, sc.account, sc.region, sc.partition, self.ident(st, lid))
        translate(resource, estate)


def import_templates(
    templates: Sequence[Template],
    estate: Estate,
    *,
    parameters: Mapping[str, str],
    account: str,
    region: str,
    partition: str = "aws",
) -> None:
    """Translate every resource of ``templates`` into ``estate``."""
    _Importer(templates, parameters, account, region, partition).run(estate)
