// What the web app's modeler imports: the lint configuration and the XML guard, nothing that needs Node.
export { designerLintConfig } from './lint-config';
export { guardXml } from './xml-guard';
