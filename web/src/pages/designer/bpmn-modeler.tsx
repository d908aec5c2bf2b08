import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import { designerLintConfig } from '@kuaibao/processes/checks/browser';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, ZeebePropertiesProviderModule } from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import { useEffect, useRef } from 'react';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { KUAIBAO_TEMPLATES } from './element-templates';
import type { LintIssue, ModelerLike } from './modeler-types';
import { chineseTranslateModule } from './translate-module';

interface Props {
  xml: string;
  /** After every modelling command, with the diagram as it is now. */
  onChange: (xml: string) => void;
  /** After every lint run (bpmn-js-bpmnlint with the server's configuration). */
  onLint: (issues: LintIssue[]) => void;
  onReady: (modeler: ModelerLike) => void;
  /** Import warnings are the designer's to see, not swallowed. */
  onImportWarnings: (warnings: string[]) => void;
}

/**
 * bpmn-js Modeler for Camunda 8: Zeebe properties panel, camunda-cloud behaviours, kuaibao's element templates, the
 * Chinese translate module and live lint with the same rules the API checks at save and deploy (docs/adr/0037).
 */
export function BpmnModelerView({ xml, onChange, onLint, onReady, onImportWarnings }: Props) {
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onChange, onLint, onReady, onImportWarnings });
  callbacks.current = { onChange, onLint, onReady, onImportWarnings };

  useEffect(() => {
    const modeler = new BpmnModeler({
      container: canvas.current!,
      propertiesPanel: { parent: panel.current! },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        ZeebePropertiesProviderModule,
        ZeebeBehaviorsModule,
        CloudElementTemplatesPropertiesProviderModule,
        lintModule,
        chineseTranslateModule,
      ],
      moddleExtensions: { zeebe: zeebeModdle },
      elementTemplates: KUAIBAO_TEMPLATES,
      linting: { bpmnlint: designerLintConfig(), active: true },
    }) as unknown as ModelerLike;
    let alive = true;
    modeler.on('linting.completed', (event) => {
      const issues = Object.values(event.issues as Record<string, LintIssue[]>).flat();
      callbacks.current.onLint(issues);
    });
    modeler.on('commandStack.changed', () => {
      void modeler.saveXML({ format: true }).then(({ xml: changed }) => {
        if (alive && changed) callbacks.current.onChange(changed);
      });
    });
    void modeler.importXML(xml).then(({ warnings }) => {
      if (!alive) return;
      if (warnings.length > 0) callbacks.current.onImportWarnings(warnings.map((w) => w.message));
      modeler.get<{ zoom(level: string): void }>('canvas').zoom('fit-viewport');
      callbacks.current.onReady(modeler);
    }, (error: unknown) => callbacks.current.onImportWarnings([(error as Error).message]));
    return () => {
      alive = false;
      modeler.destroy();
    };
    // The XML is the initial diagram only: later changes come from the modeler itself.
  }, []);

  return (
    <div className="kb-modeler">
      <div className="kb-modeler-canvas" ref={canvas} data-testid="modeler-canvas" />
      <div className="kb-modeler-panel" ref={panel} data-testid="properties-panel" />
    </div>
  );
}
